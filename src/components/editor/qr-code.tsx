// A QR code drawn on the server as inline SVG: one path of dark squares, no script, no image
// request and no inline style, so it shows with JavaScript off and under our CSP.
import QRCode from "qrcode";

export function QrCode({ text, label }: { text: string; label: string }) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const margin = 4;
  const size = modules.size + margin * 2;
  let d = "";
  for (let y = 0; y < modules.size; y++) for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) d += `M${x + margin} ${y + margin}h1v1h-1z`;
  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      width={size * 5}
      height={size * 5}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      className="mb-6 max-w-full h-auto"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#0b0c0c" />
    </svg>
  );
}
