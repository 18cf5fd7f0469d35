/** How much the phone keeps for the app, and whether the browser promised not to evict it. */

export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

export async function storageInfo(): Promise<StorageInfo> {
  const manager = navigator.storage as StorageManager | undefined;
  if (!manager) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    manager.estimate ? manager.estimate() : Promise.resolve({} as StorageEstimate),
    manager.persisted ? manager.persisted() : Promise.resolve(null),
  ]);
  return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
}

/** Asks the browser to keep our data under storage pressure; true when it agreed. */
export async function requestPersistence(): Promise<boolean> {
  const manager = navigator.storage as StorageManager | undefined;
  if (!manager?.persist) return false;
  if (await manager.persisted()) return true;
  return manager.persist();
}
