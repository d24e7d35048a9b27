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
    labelSearchInput(container);
  });
  document.head.append(script);
}

/** Pagefind's input carries only a title; name it by the page heading so screen readers announce it. */
function labelSearchInput(container: Element): void {
  const label = (input: HTMLInputElement) => input.setAttribute('aria-labelledby', 'search-heading');
  const existing = container.querySelector<HTMLInputElement>('input.pagefind-ui__search-input');
  if (existing) return label(existing);
  const observer = new MutationObserver(() => {
    const input = container.querySelector<HTMLInputElement>('input.pagefind-ui__search-input');
    if (!input) return;
    label(input);
    observer.disconnect();
  });
  observer.observe(container, { childList: true, subtree: true });
}
