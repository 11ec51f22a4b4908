import { EditorToolButton } from '../../editor/EditorToolButton';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { ContentDoc } from '../../../shared/content/doc';

// A highlight's note: a small Tiptap editor (bold, italic, lists, quotes)
// that edits, and the same schema read-only to show a saved note. The note
// is stored as Tiptap JSON, as articles are.

const NOTE_EXTENSIONS = [
  StarterKit.configure({ heading: false, codeBlock: false, code: false, horizontalRule: false, link: { openOnClick: false } }),
];

export function NoteView({ note }: { note: ContentDoc }) {
  const editor = useEditor({ extensions: NOTE_EXTENSIONS, content: note, editable: false }, [JSON.stringify(note)]);
  return <EditorContent editor={editor} className="note-view" />;
}

export function NoteEditor({ note, onSave, onCancel }: { note: ContentDoc | null; onSave: (note: ContentDoc) => void; onCancel: () => void }) {
  const editor = useEditor({
    extensions: NOTE_EXTENSIONS,
    content: note ?? '',
    autofocus: 'end',
    editorProps: {
      attributes: { class: 'note-editor-area', 'aria-label': 'Note', role: 'textbox', 'aria-multiline': 'true' },
      handleKeyDown: (_view, event) => {
        if (event.key === 'Escape') {
          onCancel();
          return true;
        }
        if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
          event.preventDefault();
          save();
          return true;
        }
        return false;
      },
    },
  });
  const save = () => {
    if (editor) onSave(editor.getJSON() as ContentDoc);
  };
  return (
    <div className="note-editor">
      {editor && (
        <div className="note-toolbar" role="toolbar" aria-label="Note formatting">
          <EditorToolButton label="B" title="Bold (Ctrl+B)" active={editor.isActive('bold')} onRun={() => editor.chain().focus().toggleBold().run()} />
          <EditorToolButton label="I" title="Italic (Ctrl+I)" active={editor.isActive('italic')} onRun={() => editor.chain().focus().toggleItalic().run()} />
          <EditorToolButton label="•" title="Bulleted list" active={editor.isActive('bulletList')} onRun={() => editor.chain().focus().toggleBulletList().run()} />
          <EditorToolButton label="“" title="Quote" active={editor.isActive('blockquote')} onRun={() => editor.chain().focus().toggleBlockquote().run()} />
        </div>
      )}
      <EditorContent editor={editor} />
      <div className="note-actions">
        <button type="button" className="btn btn-primary btn-small" onClick={save}>
          Save note
        </button>
        <button type="button" className="btn btn-quiet btn-small" onClick={onCancel}>
          Cancel
        </button>
        <span className="meta">Ctrl+Enter saves · Esc cancels</span>
      </div>
    </div>
  );
}
