/** A photo of a paper from the counter's webcam: the live view (getUserMedia), then one frame drawn on a
 * canvas and kept as a JPEG. Offered only where the browser sees a camera. */

import { useEffect, useRef, useState } from "preact/hooks";
import type { IntakeText } from "./intakeText";

/** Whether the computer has a camera, as the browser lists its devices (names need no permission). */
export function useHasCamera(): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!media?.enumerateDevices || !media.getUserMedia) return;
    const look = (): void => {
      media.enumerateDevices().then(
        (devices) => setHas(devices.some((device) => device.kind === "videoinput")),
        () => setHas(false),
      );
    };
    look();
    media.addEventListener("devicechange", look);
    return () => media.removeEventListener("devicechange", look);
  }, []);
  return has;
}

const JPEG_QUALITY = 0.85;

function frameOf(video: HTMLVideoElement): Promise<Blob | null> {
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext("2d")?.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", JPEG_QUALITY));
}

interface Props {
  id: string;
  onShot: (photo: Blob) => void;
  onClose: () => void;
  t: IntakeText;
}

export function Webcam({ id, onShot, onClose, t }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const shutter = useRef<HTMLButtonElement>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  // The button that opened the view is gone: the keyboard goes on from the view, then from its shutter.
  useEffect(() => box.current?.focus(), []);
  useEffect(() => {
    if (ready) shutter.current?.focus();
  }, [ready]);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let closed = false;
    // A document is read better in a large frame: ask for Full HD, take what the camera gives.
    const wanted = { video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false };
    navigator.mediaDevices.getUserMedia(wanted).then(
      (opened) => {
        stream = opened;
        if (closed || !video.current) return opened.getTracks().forEach((track) => track.stop());
        video.current.srcObject = opened;
      },
      () => setFailed(true),
    );
    return () => {
      closed = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);
  const shoot = async (): Promise<void> => {
    const photo = video.current && ready ? await frameOf(video.current) : null;
    if (photo) onShot(photo);
    else setFailed(true);
  };
  return (
    <div class="webcam" id={id} ref={box} role="group" aria-label={t.webcamView} tabIndex={-1}>
      {failed ? (
        <p class="field-error" role="alert">
          {t.cameraFailed}
        </p>
      ) : (
        <video
          ref={video}
          class="webcam-view"
          autoPlay
          muted
          playsInline
          onLoadedData={() => setReady(true)}
        />
      )}
      <div class="scan-actions">
        {!failed && (
          <button ref={shutter} type="button" class="button" disabled={!ready} onClick={() => void shoot()}>
            {t.shoot}
          </button>
        )}
        <button type="button" class="button-secondary" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}
