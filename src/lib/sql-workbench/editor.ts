import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection, placeholder, Decoration, type DecorationSet } from '@codemirror/view';
import { EditorState, Compartment, StateEffect, StateField, type Extension } from '@codemirror/state';
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput } from '@codemirror/language';
import { autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap, type Completion } from '@codemirror/autocomplete';
import { sql, PostgreSQL, type SQLNamespace } from '@codemirror/lang-sql';
import { historyField, redo, undo } from './editor-history';

/**
 * The SQL editor: CodeMirror 6 with SQL highlighting and completion of the tables and columns
 * DuckDB knows. Ctrl/Cmd+Enter runs. Only the parts of CodeMirror that are installed are used
 * (view, state, language, autocomplete, lang-sql), so the few key bindings needed are written here.
 */
export interface SchemaColumn {
	name: string;
	type: string;
	/** Meaning from the data dictionary, shown beside the completion. */
	info?: string;
}

export type CompletionSchema = Record<string, SchemaColumn[]>;

export interface SqlEditor {
	view: EditorView;
	text(): string;
	setText(text: string): void;
	insert(text: string): void;
	setSchema(schema: CompletionSchema): void;
	/** Mark the error place (offsets in the script), or clear it with null. */
	markError(range: { from: number; to: number } | null): void;
	destroy(): void;
}

const setError = StateEffect.define<{ from: number; to: number } | null>();
const errorLine = Decoration.line({ class: 'cm-sql-error-line' });
const errorMark = Decoration.mark({ class: 'cm-sql-error-mark' });

const errorField = StateField.define<DecorationSet>({
	create: () => Decoration.none,
	update(marks, tr) {
		for (const e of tr.effects) {
			if (e.is(setError)) {
				if (!e.value) return Decoration.none;
				const { from, to } = e.value;
				const line = tr.state.doc.lineAt(from);
				const ranges = [errorLine.range(line.from)];
				if (to > from) ranges.push(errorMark.range(from, Math.min(to, tr.state.doc.length)));
				return Decoration.set(ranges, true);
			}
		}
		// Editing the text makes the old mark meaningless.
		return tr.docChanged ? Decoration.none : marks.map(tr.changes);
	},
	provide: (f) => EditorView.decorations.from(f)
});

function deleteSelection(view: EditorView): boolean {
	if (view.state.selection.ranges.every((r) => r.empty)) return false;
	view.dispatch(view.state.replaceSelection(''), { scrollIntoView: true, userEvent: 'delete' });
	return true;
}

function namespace(schema: CompletionSchema): SQLNamespace {
	const out: Record<string, SQLNamespace> = {};
	for (const [table, columns] of Object.entries(schema)) {
		out[table] = {
			self: { label: table, type: 'type', detail: 'table' } satisfies Completion,
			children: columns.map((c): Completion => ({ label: c.name, type: 'property', detail: c.type, info: c.info }))
		};
	}
	return out;
}

function language(schema: CompletionSchema): Extension {
	return sql({ dialect: PostgreSQL, schema: namespace(schema), upperCaseKeywords: true });
}

export function createEditor(parent: HTMLElement, options: { doc: string; schema: CompletionSchema; onRun: () => void; label: string; placeholder: string }): SqlEditor {
	const lang = new Compartment();
	const run = () => {
		options.onRun();
		return true;
	};
	const view = new EditorView({
		parent,
		state: EditorState.create({
			doc: options.doc,
			extensions: [
				lineNumbers(),
				highlightActiveLine(),
				drawSelection(),
				indentOnInput(),
				bracketMatching(),
				closeBrackets(),
				autocompletion(),
				syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
				lang.of(language(options.schema)),
				errorField,
				historyField,
				placeholder(options.placeholder),
				keymap.of([
					{ key: 'Mod-Enter', run, preventDefault: true },
					{ key: 'Shift-Enter', run, preventDefault: true },
					{ key: 'Mod-z', run: undo, preventDefault: true },
					{ key: 'Mod-Shift-z', run: redo, preventDefault: true },
					{ key: 'Mod-y', run: redo, preventDefault: true },
					...closeBracketsKeymap,
					...completionKeymap,
					{
						key: 'Enter',
						run: (v) => {
							// Keep the indentation of the current line.
							const line = v.state.doc.lineAt(v.state.selection.main.head);
							const indent = /^\s*/.exec(line.text)![0];
							v.dispatch(v.state.replaceSelection('\n' + indent), { scrollIntoView: true, userEvent: 'input' });
							return true;
						}
					},
					// A selection spanning lines is deleted here: the browser's own deletion of it is not reliably read back.
					{ key: 'Backspace', run: deleteSelection },
					{ key: 'Delete', run: deleteSelection },
					{
						key: 'Mod-a',
						run: (v) => {
							v.dispatch({ selection: { anchor: 0, head: v.state.doc.length } });
							return true;
						}
					}
				]),
				EditorView.contentAttributes.of({ 'aria-label': options.label, 'data-testid': 'sql-editor' }),
				EditorView.lineWrapping
			]
		})
	});
	return {
		view,
		text: () => view.state.doc.toString(),
		setText(text) {
			view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length } });
		},
		insert(text) {
			view.dispatch(view.state.replaceSelection(text), { scrollIntoView: true });
			view.focus();
		},
		setSchema(schema) {
			view.dispatch({ effects: lang.reconfigure(language(schema)) });
		},
		markError(range) {
			view.dispatch({ effects: setError.of(range) });
		},
		destroy: () => view.destroy()
	};
}
