import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection, placeholder, Decoration, type DecorationSet } from '@codemirror/view';
import { EditorState, Compartment, StateEffect, StateField, type Extension } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, isolateHistory } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput } from '@codemirror/language';
import { autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap, type Completion } from '@codemirror/autocomplete';
import { sql, PostgreSQL, type SQLNamespace } from '@codemirror/lang-sql';

/**
 * The SQL editor: CodeMirror 6 with SQL highlighting and completion of the tables and columns
 * DuckDB knows. Ctrl/Cmd+Enter runs; editing keys and undo are CodeMirror's own (@codemirror/commands).
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
				history(),
				placeholder(options.placeholder),
				keymap.of([
					{ key: 'Mod-Enter', run, preventDefault: true },
					{ key: 'Shift-Enter', run, preventDefault: true },
					...closeBracketsKeymap,
					...completionKeymap,
					...historyKeymap,
					// No Tab binding: Tab keeps moving focus, so keyboard users are never trapped in the editor.
					...defaultKeymap
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
			view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length }, annotations: isolateHistory.of('full') });
		},
		insert(text) {
			// Its own undo step: Ctrl+Z takes back the inserted name, not the typing before it.
			view.dispatch(view.state.replaceSelection(text), { scrollIntoView: true, userEvent: 'input.paste', annotations: isolateHistory.of('full') });
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
