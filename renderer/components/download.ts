/**
 * Saves text as a file through the browser's download (browser mode; the desktop shell handles
 * the same download with its save dialog). Nothing is written anywhere else.
 */
export const downloadText = (fileName: string, text: string, mediaType = 'application/json'): void => {
  const url = URL.createObjectURL(new Blob([text], { type: `${mediaType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
