/**
 * Logos of core datasource plugins. Grafana serves them from its own public folder, which the host
 * does not have: a neutral badge with the type's initial stands in, so that pickers show an image
 * instead of a broken one.
 */
const LOGO_PATH = /^\/public\/app\/plugins\/datasource\/([a-z0-9-]+)\/img\/[a-z0-9_-]+\.svg$/;

export function logoUrl(type: string): string {
  return `/public/app/plugins/datasource/${type}/img/${type}_logo.svg`;
}

/** The SVG for a logo path, or undefined when the path is not a datasource logo. */
export function logoSvg(pathname: string): string | undefined {
  const type = LOGO_PATH.exec(pathname)?.[1];
  if (type === undefined) {
    return undefined;
  }
  const initial = type[0].toUpperCase();
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">' +
    '<rect width="24" height="24" rx="5" fill="#6e6e78"/>' +
    `<text x="12" y="17" font-family="sans-serif" font-size="14" text-anchor="middle" fill="#fff">${initial}</text>` +
    '</svg>\n'
  );
}
