// Hands a file to the browser's downloads: an object URL on a temporary <a download>, revoked
// once the click has been handled (revoking at once can cancel the download in some browsers).

export type SaveFile = (name: string, content: string | Uint8Array, mimeType: string) => void;

export const saveFile: SaveFile = (name, content, mimeType) => {
  const blob = new Blob([content as BlobPart], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** `lede-notes-2026-11-26`: the day the export was made, in the reader's time zone. */
export function exportBaseName(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `lede-notes-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
