import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { historyField, undo, redo } from '../../../src/lib/sql-workbench/editor-history';
import type { EditorView } from '@codemirror/view';

/** Just enough of a view for the commands: state and dispatch. */
function fakeView(doc: string) {
	const view = {
		state: EditorState.create({ doc, extensions: [historyField] }),
		dispatch(spec: Parameters<EditorState['update']>[0]) {
			view.state = view.state.update(spec).state;
		}
	};
	return view as unknown as EditorView & { state: EditorState };
}

describe('editor undo and redo', () => {
	it('undoes and redoes a replacement', () => {
		const v = fakeView('SELECT 1');
		v.dispatch({ changes: { from: 0, to: 8, insert: 'SELECT * FROM initiatives' } });
		expect(undo(v)).toBe(true);
		expect(v.state.doc.toString()).toBe('SELECT 1');
		expect(redo(v)).toBe(true);
		expect(v.state.doc.toString()).toBe('SELECT * FROM initiatives');
		expect(redo(v)).toBe(false);
	});

	it('groups quick typing into one step and keeps separate edits apart', () => {
		const v = fakeView('');
		for (const ch of 'SEL') v.dispatch({ changes: { from: v.state.doc.length, insert: ch }, userEvent: 'input.type' });
		expect(v.state.doc.toString()).toBe('SEL');
		v.dispatch({ changes: { from: 0, to: 3, insert: 'WITH' } });
		undo(v);
		expect(v.state.doc.toString()).toBe('SEL');
		undo(v);
		expect(v.state.doc.toString()).toBe('');
		expect(undo(v)).toBe(false);
	});
});
