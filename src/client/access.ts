/**
 * The recipient's side of a grant. The link's fragment holds the scheme's version and the grant's key; the page
 * reads them, then takes them out of the address bar (and so out of the history, bookmarks and screenshots of
 * it). From the key, HKDF derives the name of the grant's files and the key that decrypts them, so the page
 * fetches only what this key can open. Web Crypto decrypts the manifest, the page shows the NDA text of the
 * version the recipient accepted, and decrypts each document into a download once they confirm it. The key is
 * never sent anywhere by this page; whoever else holds the link can do the same, until the grant ends.
 */
import { GRANT_KEY_INFO, GRANT_KEY_VERSION, GRANT_TOKEN_LENGTH, unpad } from '../engine/grant-protocol.ts';

interface Manifest {
  version: number;
  grant: string;
  name: string;
  organization: string;
  expires: string;
  nda: { title: string; version: string; blocks: { kind: 'heading' | 'paragraph' | 'item'; text: string }[] };
  documents: { title: string; summary?: string; name: string; type: string; file: string }[];
}

type Published = { expired: string } | { from: string } | { iv: string; data: string };

function element<T extends HTMLElement>(root: HTMLElement, name: string): T {
  return root.querySelector<T>(`[data-access-${name}]`)!;
}

function fromBase64(text: string, url = false): Uint8Array<ArrayBuffer> {
  const standard = url ? text.replace(/-/g, '+').replace(/_/g, '/') : text;
  const binary = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The keys the link's key gives: the files' name, and the AES-GCM key that opens them. */
async function derivedKeys(raw: Uint8Array<ArrayBuffer>): Promise<{ token: string; key: CryptoKey }> {
  const root = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const params = (info: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(),
    info: new TextEncoder().encode(info),
  });
  const name = new Uint8Array(await crypto.subtle.deriveBits(params(GRANT_KEY_INFO.fileName), root, 256));
  const key = await crypto.subtle.deriveKey(
    params(GRANT_KEY_INFO.encryption),
    root,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  );
  return { token: toBase64Url(name).slice(0, GRANT_TOKEN_LENGTH), key };
}

async function decrypt(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>) {
  const padded = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, data));
  const plain = unpad(padded);
  if (!plain) throw new Error('padding');
  return plain;
}

/** Today by the browser's clock, as YYYY-MM-DD in the reader's own time zone. */
function today(): string {
  const now = new Date();
  const two = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** The NDA's blocks, set as text, never as markup: headings, paragraphs, and list items in lists. */
function showText(container: HTMLElement, blocks: Manifest['nda']['blocks']): void {
  const nodes: HTMLElement[] = [];
  for (const block of blocks) {
    if (block.kind === 'item') {
      let list = nodes.at(-1);
      if (list?.tagName !== 'UL') nodes.push((list = document.createElement('ul')));
      const item = document.createElement('li');
      item.textContent = block.text;
      list.append(item);
      continue;
    }
    const node = document.createElement(block.kind === 'heading' ? 'h4' : 'p');
    node.textContent = block.text;
    nodes.push(node);
  }
  container.replaceChildren(...nodes);
}

export async function openAccess(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-access]');
  if (!root) return;
  const status = element<HTMLElement>(root, 'status');
  const contact = root.dataset.contact;
  const ask = contact ? ` Ask ${contact} for a new link.` : ` Ask ${root.dataset.organization} for a new link.`;
  const fail = (message: string) => {
    status.textContent = message;
    status.setAttribute('role', 'alert');
    status.classList.add('notice-problem');
  };

  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const encoded = fragment.get('k');
  const version = fragment.get('v');
  // Read once, then out of the address bar: the key is not left in the history or on the screen.
  if (window.location.hash) {
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
  }
  if (encoded !== null && version !== String(GRANT_KEY_VERSION)) {
    fail(`This link was made by an earlier version of this trust center and no longer opens anything.${ask}`);
    return;
  }
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64(encoded ?? '', true);
  } catch {
    raw = new Uint8Array();
  }
  if (raw.length !== 32) {
    fail(
      `This page opens documents shared with you through a link. Use the whole link you were sent, including the part after “#”.${ask}`,
    );
    return;
  }
  const { token, key } = await derivedKeys(raw);
  const response = await fetch(`${token}.json`).catch(() => undefined);
  if (!response?.ok) {
    fail(`This link does not open any documents: it may be incomplete, or access has been withdrawn.${ask}`);
    return;
  }
  const published = (await response.json()) as Published;
  if ('expired' in published) {
    fail(`Your access through this link ended on ${published.expired}.${ask}`);
    return;
  }
  if ('from' in published) {
    fail(`Your access through this link opens on ${published.from}. Come back then.`);
    return;
  }
  let manifest: Manifest;
  try {
    const plain = await decrypt(key, fromBase64(published.iv), fromBase64(published.data));
    manifest = JSON.parse(new TextDecoder().decode(plain)) as Manifest;
  } catch {
    fail(`This link could not open the documents: it may have been changed or cut short.${ask}`);
    return;
  }
  // The published files stay until the next build; the grant's last day holds by this browser's clock too.
  if (today() > manifest.expires) {
    fail(`Your access through this link ended on ${manifest.expires}.${ask}`);
    return;
  }

  status.textContent = `Shared with ${manifest.name} (${manifest.organization}) until ${manifest.expires}.`;
  const nda = element<HTMLElement>(root, 'nda');
  element<HTMLElement>(root, 'recipient').textContent =
    `This is the agreement you accepted when you asked for these documents. Ticking the box below is a reminder of it, not a new signature: your acceptance is on record with ${root.dataset.organization}.`;
  element<HTMLElement>(root, 'nda-title').textContent = manifest.nda.title;
  element<HTMLElement>(root, 'nda-version').textContent = manifest.nda.version;
  showText(element<HTMLElement>(root, 'nda-text'), manifest.nda.blocks);
  nda.hidden = false;
  const agree = element<HTMLInputElement>(root, 'agree');
  const open = element<HTMLButtonElement>(root, 'open');
  agree.addEventListener('change', () => (open.disabled = !agree.checked));
  open.addEventListener('click', async () => {
    open.disabled = true;
    const list = element<HTMLUListElement>(root, 'list');
    const items: HTMLLIElement[] = [];
    for (const entry of manifest.documents) {
      const item = document.createElement('li');
      const fetched = await fetch(`${token}/${entry.file}`).catch(() => undefined);
      try {
        if (!fetched?.ok) throw new Error('missing');
        const sealed = new Uint8Array(await fetched.arrayBuffer());
        const plain = await decrypt(key, sealed.slice(0, 12), sealed.slice(12));
        const link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([plain], { type: entry.type }));
        link.download = entry.name;
        link.textContent = entry.title;
        item.append(link);
        if (entry.summary) item.append(` — ${entry.summary}`);
      } catch {
        item.textContent = `${entry.title}: could not be opened.${ask}`;
      }
      items.push(item);
    }
    list.replaceChildren(...items);
    element<HTMLElement>(root, 'stamp').textContent =
      `Each PDF names ${manifest.name}, ${manifest.organization} and grant ${manifest.grant} on every page. Keep it within your organization.`;
    element<HTMLElement>(root, 'documents').hidden = false;
    element<HTMLElement>(root, 'documents').querySelector('h2')!.focus();
  });
}
