/**
 * Offers text as a file download (browser and Electron alike): a Blob URL on a temporary link.
 * The URL is revoked after the click has been handled, so the data does not stay in memory.
 */
export function downloadFile(fileName: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new window.Blob([content], { type: `${mime};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
