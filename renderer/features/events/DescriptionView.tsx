import type { ReactNode } from 'react';
import type { Block, ContentDoc, TextNode } from '../../../shared/content/doc';
import { parseCitation, safeHref } from './description-links';

// An event's description drawn as plain React elements. A read-only Tiptap
// editor per row would cost an editor instance for every event scrolled
// past; the description's schema is small (paragraphs, lists, quotes, bold,
// italic, links), so it is drawn directly.

function text(node: TextNode, key: number): ReactNode {
  let out: ReactNode = node.text;
  let link: { href: string; internal: boolean } | null = null;
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else if (mark.type === 'link') link = safeHref(mark.attrs?.href);
  }
  if (link) {
    const citation = link.internal ? parseCitation(link.href) : null;
    out = link.internal ? (
      <a href={link.href} className={citation ? 'citation' : undefined} title={citation ? 'Open this passage in the reader' : undefined}>
        {out}
      </a>
    ) : (
      <a href={link.href} target="_blank" rel="noopener noreferrer">
        {out}
      </a>
    );
  }
  return <span key={key}>{out}</span>;
}

function inline(content: TextNode[] | undefined): ReactNode[] {
  // The editor's Shift+Enter makes a hardBreak, which the article schema does not name.
  return (content ?? []).map((node, i) =>
    node.type === 'text' ? text(node, i) : (node as { type: string }).type === 'hardBreak' ? <br key={i} /> : null,
  );
}

function block(node: Block, key: number): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{inline(node.content)}</p>;
    case 'heading':
      return (
        <p key={key} className="description-heading">
          {inline(node.content)}
        </p>
      );
    case 'bulletList':
      return <ul key={key}>{node.content.map((item, i) => <li key={i}>{(item.content ?? []).map(block)}</li>)}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={node.attrs?.start}>
          {node.content.map((item, i) => (
            <li key={i}>{(item.content ?? []).map(block)}</li>
          ))}
        </ol>
      );
    case 'blockquote':
      return <blockquote key={key}>{node.content.map(block)}</blockquote>;
    default:
      return null;
  }
}

export function DescriptionView({ doc, text: plain, className }: { doc: ContentDoc | null; text: string; className?: string }) {
  if (!doc) {
    return plain ? <div className={className}>{plain.split(/\n+/).map((line, i) => <p key={i}>{line}</p>)}</div> : null;
  }
  return <div className={className}>{(doc.content ?? []).map(block)}</div>;
}
