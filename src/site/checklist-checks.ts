/** How a `<Check>` item finds its verdict among a checklist's states (ChecklistProgress.states). */
import type { BindingKind } from '../engine/checklist-bindings.ts';
import { bindingKey } from '../engine/checklist-state.ts';

/** Whether the item bound to `kind` and `target` is done; undefined outside a checklist, where nothing is judged. */
export function checkState(
  states: ReadonlyMap<string, boolean> | undefined,
  kind: BindingKind,
  target: string,
): boolean | undefined {
  return states?.get(bindingKey({ kind, target }));
}
