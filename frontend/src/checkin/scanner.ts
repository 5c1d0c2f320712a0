/**
 * Reading QR codes from the camera: the browser's BarcodeDetector where it exists (Chrome
 * on Android), otherwise jsQR (https://github.com/cozmo/jsQR), loaded only then. Frames are
 * read a few times a second; the same code is reported once until another one is seen or a
 * few seconds have passed.
 */
type Detector = (source: HTMLVideoElement) => Promise<string | null>;

type BarcodeDetectorLike = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
};

async function nativeDetector(): Promise<Detector | null> {
  const Native = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Native) return null;
  try {
    if (Native.getSupportedFormats && !(await Native.getSupportedFormats()).includes("qr_code")) return null;
    const detector = new Native({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  } catch {
    return null;
  }
}

async function jsQrDetector(): Promise<Detector> {
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  return async (video) => {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!width || !height) return null;
    // A smaller frame is read much faster and is still sharp enough for a phone-sized code.
    const scale = Math.min(1, 640 / Math.max(width, height));
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" })?.data ?? null;
  };
}

export type Scanner = { stop(): void };

/** Starts the camera into `video` and calls `onCode` for each code read. Throws when there is no camera. */
export async function startScanner(video: HTMLVideoElement, onCode: (code: string) => Promise<void> | void): Promise<Scanner> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error("unsupported");
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
  video.srcObject = stream;
  video.setAttribute("playsinline", "");
  video.muted = true;
  await video.play();
  const detect = (await nativeDetector()) ?? (await jsQrDetector());
  let running = true;
  let busy = false;
  let last = { code: "", at: 0 };
  const timer = setInterval(async () => {
    if (!running || busy || video.readyState < 2) return;
    busy = true;
    try {
      const code = await detect(video);
      if (code && (code !== last.code || Date.now() - last.at > 4000)) {
        last = { code, at: Date.now() };
        await onCode(code);
      }
    } catch {
      // A frame that could not be read; the next one may be.
    } finally {
      busy = false;
    }
  }, 250);
  return {
    stop() {
      running = false;
      clearInterval(timer);
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}
