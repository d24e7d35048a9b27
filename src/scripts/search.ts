/** Loads Pagefind's interface from this site's own `pagefind/` folder, found relative to the page. */
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => unknown;
  }
}

function siteRoot(): string {
  const root = document.querySelector<HTMLMetaElement>('meta[name="trustbook-root"]')?.content ?? './';
  return new URL(root, window.location.href).href;
}

export function startSearch(): void {
  const container = document.querySelector('[data-search]');
  if (!container) return;
  const base = `${siteRoot()}pagefind/`;
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = `${base}pagefind-ui.css`;
  document.head.append(style);
  const script = document.createElement('script');
  script.src = `${base}pagefind-ui.js`;
  script.addEventListener('load', () => {
    if (!window.PagefindUI) return;
    new window.PagefindUI({
      element: '#search',
      bundlePath: base,
      showSubResults: true,
      autofocus: true,
      resetStyles: false,
    });
  });
  document.head.append(script);
}
