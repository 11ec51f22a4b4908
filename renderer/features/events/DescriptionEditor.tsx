import { EditorToolButton } from '../../editor/EditorToolButton';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId, useRef } from 'react';
import type { ContentDoc } from '../../../shared/content/doc';
import { citationHref } from './description-links';

// An event's description: the note editor's Tiptap set-up (bold, italic,
// lists, quotes, links) and one more tool, Cite, which puts a passage of the
// event's evidence into the text as a link to it in the reader, its quoted
// words as the link's text.

const EXTENSIONS = [
  StarterKit.configure({
    heading: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    // Citations are the app's own routes: opened in place, never in a new window.
    link: { openOnClick: false, autolink: true, HTMLAttributes: { target: null, rel: null } },
  }),
];

export interface CitablePassage {
  key: string;
  articleId: number;
  highlightId: number;
  quote: string;
  /** Where it comes from, for the menu: "BBC · Latest: Maduro says…". */
  origin: string;
}

interface Props {
  doc: ContentDoc | null;
  labelId: string;
  passages: CitablePassage[];
  onChange: (doc: ContentDoc) => void;
}

function isEmpty(doc: ContentDoc): boolean {
  const json = JSON.stringify(doc.content ?? []);
  return !/"text"\s*:\s*"[^"]/.test(json);
}

/** The description to save: null when nothing was written. */
export function descriptionToSave(doc: ContentDoc | null): ContentDoc | null {
  return doc && !isEmpty(doc) ? doc : null;
}

export function DescriptionEditor({ doc, labelId, passages, onChange }: Props) {
  const menuId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: doc ?? '',
    editorProps: {
      attributes: { class: 'note-editor-area description-editor-area', 'aria-labelledby': labelId, role: 'textbox', 'aria-multiline': 'true' },
    },
    onUpdate: ({ editor }) => onChange(editor.getJSON() as ContentDoc),
  });

  const cite = (p: CitablePassage) => {
    menuRef.current?.hidePopover();
    if (!editor) return;
    editor
      .chain()
      .focus()
      .insertContent([
        { type: 'text', text: '“' },
        { type: 'text', text: p.quote, marks: [{ type: 'link', attrs: { href: citationHref(p) } }] },
        { type: 'text', text: '” ' },
      ])
      .run();
  };

  return (
    <div className="description-editor">
      {editor && (
        <div className="note-toolbar" role="toolbar" aria-label="Description formatting">
          <EditorToolButton label="B" title="Bold (Ctrl+B)" active={editor.isActive('bold')} onRun={() => editor.chain().focus().toggleBold().run()} />
          <EditorToolButton label="I" title="Italic (Ctrl+I)" active={editor.isActive('italic')} onRun={() => editor.chain().focus().toggleItalic().run()} />
          <EditorToolButton label="•" title="Bulleted list" active={editor.isActive('bulletList')} onRun={() => editor.chain().focus().toggleBulletList().run()} />
          <EditorToolButton label="“" title="Quote" active={editor.isActive('blockquote')} onRun={() => editor.chain().focus().toggleBlockquote().run()} />
          <button
            type="button"
            className="btn btn-quiet btn-small note-tool cite-tool"
            popoverTarget={menuId}
            disabled={passages.length === 0}
            title={passages.length === 0 ? 'Link evidence to the event to cite it' : 'Cite a passage of the evidence'}
            onMouseDown={(e) => e.preventDefault()}
            style={{ anchorName: `--cite-${menuId.replace(/[^a-zA-Z0-9_-]/g, '')}` }}
          >
            Cite
          </button>
          <div
            id={menuId}
            ref={menuRef}
            popover="auto"
            className="popover cite-menu"
            role="menu"
            aria-label="Cite a passage"
            style={{ positionAnchor: `--cite-${menuId.replace(/[^a-zA-Z0-9_-]/g, '')}` }}
          >
            {passages.map((p) => (
              <button key={p.key} type="button" role="menuitem" className="cite-choice" onClick={() => cite(p)}>
                <span className="cite-quote">“{p.quote}”</span>
                <span className="cite-origin">{p.origin}</span>
              </button>
            ))}
          </div>
        </div>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
