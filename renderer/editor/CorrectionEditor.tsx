import { MOD } from '../app/shortcut-keys';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId, useState } from 'react';
import type { ContentDoc } from '../../shared/content/doc';
import { cleanBlocks } from './clean-blocks';
import { EditorToolButton } from './EditorToolButton';

// The edit mode for correcting an article's text (OCR slips, a missing
// paragraph). Only what an article's content can hold is available
// (paragraphs, headings, lists, quotes, bold, italic, links): a correction
// must not bring in structure the reader, the canonical text and the exports
// do not know. Saving is the reader's business; this edits and hands over.


interface Props {
  content: ContentDoc;
  /** The version being corrected, shown so the researcher knows what becomes of it. */
  version: number;
  saving: boolean;
  onSave: (content: ContentDoc, note: string) => void;
  onCancel: (dirty: boolean) => void;
}

export function CorrectionEditor({ content, version, saving, onSave, onCancel }: Props) {
  const noteId = useId();
  const [note, setNote] = useState('');
  const [initial] = useState<ContentDoc>(() => ({ type: 'doc', content: cleanBlocks(content.content) }));
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          code: false,
          codeBlock: false,
          horizontalRule: false,
          hardBreak: false,
          strike: false,
          underline: false,
          trailingNode: false,
          link: { openOnClick: false, autolink: false, linkOnPaste: false },
        }),
      ],
      content: initial,
      autofocus: 'start',
      editorProps: {
        attributes: { class: 'article-body correction-body', 'aria-label': 'Article text (editing)', role: 'textbox', 'aria-multiline': 'true' },
      },
    },
    [],
  );
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      dirty: e ? e.can().undo() : false,
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      canRedo: e ? e.can().redo() : false,
    }),
  });
  const dirty = state?.dirty ?? false;

  function save() {
    if (!editor || saving) return;
    onSave(editor.getJSON() as ContentDoc, note);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      if (dirty) save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel(dirty);
    }
  }

  return (
    <div className="correction" onKeyDown={onKeyDown}>
      <div className="correction-bar" role="region" aria-label="Correcting the text">
        <p className="correction-explain">
          <strong>Correcting the text.</strong> The original file and the text read from it stay as they are; your corrected text
          becomes version {version + 1}, and every highlight is re-anchored to it.
        </p>
        {editor && (
          <div className="correction-tools" role="toolbar" aria-label="Editing">
            <EditorToolButton label="↶" title={`Undo (${MOD}Z)`} disabled={!dirty} onRun={() => editor.chain().focus().undo().run()} />
            <EditorToolButton label="↷" title={`Redo (${MOD}Shift+Z)`} disabled={!state?.canRedo} onRun={() => editor.chain().focus().redo().run()} />
            <EditorToolButton label="B" title={`Bold (${MOD}B)`} active={state?.bold ?? false} onRun={() => editor.chain().focus().toggleBold().run()} />
            <EditorToolButton label="I" title={`Italic (${MOD}I)`} active={state?.italic ?? false} onRun={() => editor.chain().focus().toggleItalic().run()} />
          </div>
        )}
        <div className="correction-save">
          <label htmlFor={noteId} className="correction-note-label">
            What did you correct? <span className="muted">(optional, kept with the version)</span>
          </label>
          <input
            id={noteId}
            className="input correction-note"
            type="text"
            maxLength={2000}
            value={note}
            placeholder="e.g. OCR slips in paragraph 3; restored the missing last paragraph"
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="button" className="btn btn-primary btn-small" disabled={!dirty || saving} onClick={save}>
            {saving ? 'Saving…' : 'Save correction'}
          </button>
          <button type="button" className="btn btn-quiet btn-small" disabled={saving} onClick={() => onCancel(dirty)}>
            Cancel
          </button>
          <span className="meta">{MOD}S saves · Esc cancels</span>
        </div>
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
