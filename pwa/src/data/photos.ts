/** Photos of papers made small enough for a cheap phone's storage and a 2G upload, before they are stored.
 * The compressor is loaded on first use only, so it is not part of the app's first download. */

export interface CompressedPhoto {
  blob: Blob;
  width: number;
  height: number;
}

/** "not_image": the file is not a picture; "unreadable": the browser cannot decode it (e.g. HEIC). */
export class PhotoError extends Error {
  constructor(readonly reason: "not_image" | "unreadable") {
    super(reason === "not_image" ? "The file is not an image." : "The image cannot be decoded.");
    this.name = "PhotoError";
  }
}

/** Older phones and iOS Safari lose or refuse big blobs; a document stays legible well below this. */
const BUDGET_BYTES = 400 * 1024;

// Tried in order until one fits the budget: ~1600 px on the long edge keeps small print readable.
const PASSES = [
  { side: 1600, quality: 0.7 },
  { side: 1600, quality: 0.5 },
  { side: 1200, quality: 0.5 },
] as const;

async function compressOnce(file: Blob, side: number, quality: number): Promise<CompressedPhoto> {
  const { default: Compressor } = await import("compressorjs");
  return new Promise((resolve, reject) => {
    let width = 0;
    let height = 0;
    new Compressor(file, {
      maxWidth: side,
      maxHeight: side,
      quality,
      mimeType: "image/jpeg",
      // Turn the picture upright from its EXIF orientation, then drop all EXIF, GPS position included.
      checkOrientation: true,
      retainExif: false,
      // strict would hand back the original file (EXIF and all) whenever it is already smaller.
      strict: false,
      drew(_context, canvas) {
        width = canvas.width;
        height = canvas.height;
      },
      success: (blob) => resolve({ blob, width, height }),
      error: () => reject(new PhotoError("unreadable")),
    });
  });
}

/** A JPEG of at most 1600 px on the long edge, upright, without EXIF, and under ~400 KB. */
export async function compressPhoto(file: Blob): Promise<CompressedPhoto> {
  if (!file.type.startsWith("image/")) throw new PhotoError("not_image");
  let result: CompressedPhoto | null = null;
  for (const pass of PASSES) {
    result = await compressOnce(file, pass.side, pass.quality);
    if (result.blob.size <= BUDGET_BYTES) break;
  }
  if (!result || result.width === 0) throw new PhotoError("unreadable");
  return result;
}
