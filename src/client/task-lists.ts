/**
 * Makes a procedure's GFM task list workable in the browser: boxes can be ticked and stay ticked (in this
 * browser's localStorage). Without JavaScript the list stays a plain list of steps.
 */
export function enableTaskLists(): void {
  const boxes = document.querySelectorAll<HTMLInputElement>('.task-list-item input[type="checkbox"]');
  const key = `trustbook:tasks:${window.location.pathname}`;
  let saved: boolean[] = [];
  try {
    saved = JSON.parse(localStorage.getItem(key) ?? '[]') as boolean[];
  } catch {
    saved = [];
  }
  boxes.forEach((box, index) => {
    box.disabled = false;
    if (saved[index] !== undefined) box.checked = saved[index];
    box.addEventListener('change', () => {
      const state = [...boxes].map((candidate) => candidate.checked);
      localStorage.setItem(key, JSON.stringify(state));
      updateProgress(state);
    });
  });
  updateProgress([...boxes].map((box) => box.checked));
}

function updateProgress(state: boolean[]): void {
  const output = document.querySelector('[data-task-progress]');
  if (!output || state.length === 0) return;
  output.textContent = `${state.filter(Boolean).length} of ${state.length} steps ticked in this browser`;
}
