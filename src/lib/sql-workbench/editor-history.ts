import { Annotation, StateField, type ChangeSet, type Transaction } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';

/**
 * Undo and redo for the SQL editor. CodeMirror's own history lives in @codemirror/commands, which
 * is not installed; this keeps the inverse of each change (typing within half a second counts as
 * one step) and applies it back.
 */
const fromHistory = Annotation.define<'undo' | 'redo'>();
const GROUP_MS = 500;

interface Step {
	inverse: ChangeSet;
	at: number;
	typing: boolean;
}

interface History {
	done: Step[];
	undone: Step[];
}

function step(tr: Transaction): Step {
	return { inverse: tr.changes.invert(tr.startState.doc), at: Date.now(), typing: tr.isUserEvent('input.type') || tr.isUserEvent('delete') };
}

export const historyField = StateField.define<History>({
	create: () => ({ done: [], undone: [] }),
	update(h, tr) {
		if (!tr.docChanged) return h;
		const source = tr.annotation(fromHistory);
		if (source === 'undo') return { done: h.done.slice(0, -1), undone: [...h.undone, step(tr)] };
		if (source === 'redo') return { done: [...h.done, step(tr)], undone: h.undone.slice(0, -1) };
		const next = step(tr);
		const last = h.done.at(-1);
		if (last && next.typing && last.typing && next.at - last.at < GROUP_MS) {
			// Undoing the group applies the newest inverse first, then the older one.
			return { done: [...h.done.slice(0, -1), { inverse: next.inverse.compose(last.inverse), at: next.at, typing: true }], undone: [] };
		}
		return { done: [...h.done, next].slice(-200), undone: [] };
	}
});

function apply(view: EditorView, which: 'undo' | 'redo'): boolean {
	const h = view.state.field(historyField);
	const s = (which === 'undo' ? h.done : h.undone).at(-1);
	if (!s) return false;
	view.dispatch({ changes: s.inverse, annotations: fromHistory.of(which), scrollIntoView: true, userEvent: which });
	return true;
}

export const undo = (view: EditorView) => apply(view, 'undo');
export const redo = (view: EditorView) => apply(view, 'redo');
