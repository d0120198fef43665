import type { ExtensionMessage, WebviewMessage } from './protocol';

// The summary panel's script. It only turns clicks into messages and swaps in the content the
// extension sends (already escaped); it never builds HTML from article text itself.

interface PanelState {
  scrollY: number;
  article?: string;
}

declare function acquireVsCodeApi(): {
  postMessage(message: WebviewMessage): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
};

const vscode = acquireVsCodeApi();
const content = document.getElementById('content');

// A reloaded page (the panel was hidden, or first shown) returns to where the reader was.
let article = content?.dataset.article;
const saved = vscode.getState();
if (saved && saved.article === article) window.scrollTo(0, saved.scrollY);

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const link = target?.closest<HTMLElement>('a.reveal[data-start][data-end]');
  if (link) {
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', start: Number(link.dataset.start), end: Number(link.dataset.end) });
    return;
  }
  const action = target?.closest<HTMLElement>('button[data-action]')?.dataset.action;
  if (action === 'togglePin' || action === 'export') vscode.postMessage({ type: action });
});

let scrollPending = false;
window.addEventListener('scroll', () => {
  if (scrollPending) return;
  scrollPending = true;
  requestAnimationFrame(() => {
    scrollPending = false;
    vscode.setState({ scrollY: window.scrollY, article });
  });
});

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  const message = event.data;
  if (!content || message?.type !== 'update' || typeof message.html !== 'string') return;
  // The same article re-rendered after an edit keeps the reader's place; another starts at the top.
  const scrollY = message.article === article ? window.scrollY : 0;
  article = message.article;
  content.innerHTML = message.html;
  window.scrollTo(0, scrollY);
  vscode.setState({ scrollY, article });
});
