/** Whether a stored URL may become a link: only http(s), never javascript:, data: or relative URLs. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
