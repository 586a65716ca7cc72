/** Downloads a file through a temporary <a download> inside the panel's own shadow root. */

/** Long enough for the browser to start reading the blob before it is revoked. */
const REVOKE_AFTER_MS = 30_000;

export function downloadBlob(blob: Blob, name: string, container: Element): void {
  const url = URL.createObjectURL(blob);
  const link = container.ownerDocument.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

export function downloadText(text: string, type: string, name: string, container: Element): void {
  downloadBlob(new Blob([text], { type }), name, container);
}
