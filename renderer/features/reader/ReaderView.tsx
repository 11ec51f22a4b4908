import { useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { HIGHLIGHT_COLORS } from '../../../shared/api/annotation-colors';
import type { Claim, Highlight, TextCorrection } from '../../../shared/api/types';
import type { ContentDoc } from '../../../shared/content/doc';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useDataVersion } from '../../app/data-version';
import { plural } from '../../app/format';
import { ErrorNote, Loading } from '../../app/ui';
import { ArticleEditor, type ArticleEditorHandle, type TextRange } from '../../editor/ArticleEditor';
import { CorrectionEditor } from '../../editor/CorrectionEditor';
import { useChronologyDetails, useEventsByClaim } from '../chronology/use-chronologies';
import { ArticleDetails } from './ArticleDetails';
import { ArticleHeader } from './ArticleHeader';
import { EventDropPanel } from './EventDropPanel';
import { FindBar } from './FindBar';
import { HighlightPanel } from './HighlightPanel';
import { ReaderToolbar } from './ReaderToolbar';
import { loadTextSize, saveTextSize, stepTextSize, TEXT_SIZE } from './reading-preferences';
import { useFind } from './use-find';
import { useReadingPosition } from './use-reading-position';

interface Props {
  articleId: number;
  /** Highlight or claim to bring into view on arrival (from a link). */
  focusHighlightId?: number;
  focusClaimId?: number;
}

interface PendingSelection {
  range: TextRange;
  top: number;
  left: number;
  below: boolean;
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function byReadingOrder(a: Highlight, b: Highlight) {
  return a.start - b.start || a.end - b.end || a.id - b.id;
}

/** "2 moved, 1 orphaned": what a correction did to the highlights, in words. */
function anchorSummary(anchors: TextCorrection['anchors']): string {
  const parts = (['anchored', 'moved', 'fuzzy', 'orphaned'] as const)
    .filter((status) => anchors[status] > 0)
    .map((status) => `${anchors[status]} ${status === 'fuzzy' ? 'on changed words' : status === 'anchored' ? 'in place' : status}`);
  return parts.length ? parts.join(', ') : 'none to re-anchor';
}

export function ReaderView({ articleId, focusHighlightId, focusClaimId }: Props) {
  const { changed } = useDataVersion();
  const article = useQuery('reader.getArticle', { id: articleId });
  const highlightsQuery = useQuery('annotations.listHighlights', { articleId });
  const claimsQuery = useQuery('claims.list', { articleId });
  const { details: chronologies, error: chronologyError } = useChronologyDetails();
  const eventsByClaim = useEventsByClaim(chronologies);

  const editorRef = useRef<ArticleEditorHandle>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLDivElement>(null);
  const [textSize, setTextSize] = useState(loadTextSize);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [findFocus, setFindFocus] = useState(0);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [chosenId, setChosenId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [editing, setEditing] = useState(false);
  const [correction, setCorrection] = useState<TextCorrection | null>(null);
  const [claimingId, setClaimingId] = useState<number | null>(null);
  const [lastClaimId, setLastClaimId] = useState<number | null>(null);
  const [addingClaimId, setAddingClaimId] = useState<number | null>(null);
  // A highlight on its way to a chronology event: being dragged, or chosen with "Add to event…".
  const [draggingHighlight, setDraggingHighlight] = useState<Highlight | null>(null);
  const [pickingHighlight, setPickingHighlight] = useState<Highlight | null>(null);

  const highlights = useMemo(() => [...(highlightsQuery.data ?? [])].sort(byReadingOrder), [highlightsQuery.data]);
  // An orphaned highlight's offsets are of an older text: it is listed, never drawn.
  const drawn = useMemo(() => highlights.filter((h) => h.status !== 'orphaned'), [highlights]);
  const claimsByHighlight = useMemo(() => {
    const map = new Map<number, Claim[]>();
    for (const claim of claimsQuery.data ?? []) {
      // A claim may rest on several passages: it is shown under each of this article's.
      for (const e of claim.evidence) {
        if (e.articleId !== articleId) continue;
        const list = map.get(e.highlightId) ?? [];
        list.push(claim);
        map.set(e.highlightId, list);
      }
    }
    return map;
  }, [claimsQuery.data, articleId]);

  const focusId = focusHighlightId ?? claimsQuery.data?.find((c) => c.id === focusClaimId)?.highlightId ?? null;
  const activeId = chosenId ?? focusId;

  // Bring a linked highlight into view once, when the article has loaded.
  const scrolledTo = useRef<number | null>(null);
  // The article opens with its highlights (they come a moment apart): drawn
  // with the text they cost one layout of a long article, after it a second.
  const articleLoaded = article.data !== undefined && (highlightsQuery.data !== undefined || highlightsQuery.error !== undefined);
  useEffect(() => {
    if (focusId === null || !articleLoaded || scrolledTo.current === focusId) return;
    if (!drawn.some((h) => h.id === focusId)) return;
    scrolledTo.current = focusId;
    requestAnimationFrame(() => editorRef.current?.scrollToHighlight(focusId));
  }, [focusId, articleLoaded, drawn]);

  const linked = focusHighlightId !== undefined || focusClaimId !== undefined;
  // The sticky reading bar covers the top of the scrolled article (less the
  // padding it scrolls away with, see reader.css).
  const barInset = () => Math.max(0, (mainRef.current?.querySelector<HTMLElement>('.reader-bar')?.offsetHeight ?? 0) - 24);
  useReadingPosition(articleId, articleLoaded, !linked, mainRef, editorRef, barInset);

  const topOffset = () => (mainRef.current && editorRef.current?.offsetAtTop(mainRef.current, barInset())) ?? 0;
  const find = useFind(article.data?.text ?? '', topOffset);

  // A new text size reflows the article: keep the line at the top in place.
  const keepPlace = useRef<number | null>(null);
  function changeTextSize(next: number) {
    if (next === textSize) return;
    keepPlace.current = topOffset();
    setTextSize(next);
    saveTextSize(next);
  }
  useLayoutEffect(() => {
    const at = keepPlace.current;
    keepPlace.current = null;
    if (at !== null && at > 0 && mainRef.current) editorRef.current?.scrollToOffset(at, mainRef.current, barInset());
  }, [textSize]);

  function openFind() {
    find.show();
    setFindFocus((n) => n + 1);
  }

  const readPending = useEffectEvent(() => {
    const info = editorRef.current?.readSelection() ?? null;
    const wrap = wrapRef.current;
    if (!info || !wrap) {
      setPending(null);
      return;
    }
    const box = wrap.getBoundingClientRect();
    const top = info.rect.top - box.top;
    const below = info.rect.top < 64;
    setPending({
      range: info.range,
      top: below ? info.rect.bottom - box.top + 8 : top - 8,
      left: Math.min(Math.max(info.rect.left + info.rect.width / 2 - box.left, 48), box.width - 48),
      below,
    });
  });

  async function createHighlight(range: TextRange, color: Highlight['color'] = 'yellow', thenClaim = false) {
    setPending(null);
    setError(null);
    setSaving(true);
    const result = await call('annotations.createHighlight', {
      articleId,
      start: range.start,
      end: range.end,
      color: color as (typeof HIGHLIGHT_COLORS)[number],
    });
    setSaving(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    window.getSelection()?.removeAllRanges();
    setChosenId(result.value.id);
    if (thenClaim) setClaimingId(result.value.id);
    changed();
  }

  function startCorrecting() {
    find.close();
    setPending(null);
    setError(null);
    setCorrection(null);
    setEditing(true);
  }

  function stopCorrecting(dirty: boolean) {
    if (dirty && !window.confirm('Discard your corrections to this article? The text stays as it was.')) return;
    setEditing(false);
  }

  async function saveCorrection(content: ContentDoc, note: string) {
    if (!article.data) return;
    setError(null);
    setSaving(true);
    const result = await call('reader.correctText', {
      articleId,
      baseVersion: article.data.textVersion,
      content,
      ...(note.trim() ? { note } : {}),
    });
    setSaving(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setEditing(false);
    setCorrection(result.value);
    changed();
  }

  async function reattach(id: number) {
    setError(null);
    const info = editorRef.current?.readSelection();
    if (!info) {
      setError('Select the words this highlight belongs to in the article first, then choose Re-attach.');
      return;
    }
    const result = await call('annotations.reattachHighlight', { id, start: info.range.start, end: info.range.end });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    window.getSelection()?.removeAllRanges();
    setPending(null);
    setChosenId(id);
    changed();
  }

  const onKeyDown = useEffectEvent((e: KeyboardEvent) => {
    if (editing) return;
    const mod = (e.ctrlKey || e.metaKey) && !e.altKey;
    // The reader's own find and text size stand in for the browser's.
    if (mod && (e.key === 'f' || e.key === 'F') && !e.shiftKey) {
      e.preventDefault();
      openFind();
      return;
    }
    if (mod && (e.key === '=' || e.key === '+')) {
      e.preventDefault();
      changeTextSize(stepTextSize(textSize, 1));
      return;
    }
    if (mod && (e.key === '-' || e.key === '_')) {
      e.preventDefault();
      changeTextSize(stepTextSize(textSize, -1));
      return;
    }
    if (mod && e.key === '0') {
      e.preventDefault();
      changeTextSize(TEXT_SIZE.initial);
      return;
    }
    if (e.key === 'Escape' && find.open && !isTypingTarget(e.target)) {
      find.close();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
    // E puts the claim just made into a chronology event.
    if ((e.key === 'e' || e.key === 'E') && lastClaimId !== null) {
      e.preventDefault();
      setAddingClaimId(lastClaimId);
      return;
    }
    // H highlights in yellow, 1-5 in the colour of that number, C highlights and opens a claim on it.
    if (!/^[hHcC1-5]$/.test(e.key)) return;
    const info = editorRef.current?.readSelection();
    if (!info) return;
    e.preventDefault();
    const claim = e.key === 'c' || e.key === 'C';
    const colour = claim || e.key === 'h' || e.key === 'H' ? 'yellow' : HIGHLIGHT_COLORS[Number(e.key) - 1]!;
    void createHighlight(info.range, colour, claim);
  });

  useEffect(() => {
    const onMouseUp = () => requestAnimationFrame(() => readPending());
    const onKeyUp = (e: KeyboardEvent) => {
      if (!/^[hHcC1-5]$/.test(e.key) && !isTypingTarget(e.target)) readPending();
    };
    const onSelectionChange = () => {
      const s = window.getSelection();
      if (!s || s.isCollapsed) setPending(null);
    };
    const onKey = (e: KeyboardEvent) => onKeyDown(e);
    document.addEventListener('mouseup', onMouseUp);
    document.addEventListener('keyup', onKeyUp);
    document.addEventListener('keydown', onKey);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      document.removeEventListener('mouseup', onMouseUp);
      document.removeEventListener('keyup', onKeyUp);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, []);

  function select(id: number) {
    setChosenId(id);
    editorRef.current?.scrollToHighlight(id);
  }

  function onHighlightClick(id: number) {
    setChosenId(id);
    document.querySelector(`[data-highlight-card="${id}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  if (article.error) {
    return (
      <div className="view">
        <nav className="crumbs">
          <a href="#/library">← Library</a>
        </nav>
        <ErrorNote>{article.error.message}</ErrorNote>
      </div>
    );
  }
  if (!article.data || !articleLoaded) return <Loading label="Opening the article…" />;

  return (
    <div className="reader-view">
      <div className="reader-main" ref={mainRef} style={{ '--reader-size': `${textSize}px` } as CSSProperties}>
        <div className="reader-bar">
          <div className="reader-bar-row">
            <nav className="crumbs" aria-label="Breadcrumb">
              <a href="#/library">← Library</a>
            </nav>
            <ReaderToolbar
              textSize={textSize}
              onTextSize={(direction) => changeTextSize(stepTextSize(textSize, direction))}
              findOpen={find.open}
              onFind={() => (find.open ? find.close() : openFind())}
              detailsOpen={detailsOpen}
              onDetails={() => setDetailsOpen((open) => !open)}
              correcting={editing}
              onCorrect={startCorrecting}
            />
          </div>
          {find.open && <FindBar find={find} focusKey={findFocus} />}
        </div>
        <ArticleHeader article={article.data} />
        {detailsOpen && <ArticleDetails article={article.data} />}
        <ErrorNote>{error}</ErrorNote>
        {correction && (
          <div className="notice notice-ok correction-result" role="status">
            <span>
              Saved as text version {correction.version}. Highlights:{' '}
              {anchorSummary(correction.anchors)}.
              {correction.anchors.orphaned > 0 &&
                ` ${plural(correction.anchors.orphaned, 'highlight')} lost ${correction.anchors.orphaned === 1 ? 'its' : 'their'} words: ${correction.anchors.orphaned === 1 ? 'it is' : 'they are'} listed first in the panel; select the right words and choose Re-attach.`}
            </span>
            <button type="button" className="btn btn-quiet btn-small" onClick={() => setCorrection(null)}>
              Dismiss
            </button>
          </div>
        )}
        <div className="article-wrap" ref={wrapRef}>
          {editing ? (
            <CorrectionEditor
              content={article.data.content}
              version={article.data.textVersion}
              saving={saving}
              onSave={(content, note) => void saveCorrection(content, note)}
              onCancel={stopCorrecting}
            />
          ) : (
            <ArticleEditor
              key={`${article.data.id}:${article.data.textVersion}`}
              ref={editorRef}
              content={article.data.content}
              highlights={drawn}
              activeId={activeId}
              onHighlightClick={onHighlightClick}
              find={find.state}
            />
          )}
          {pending && !editing && (
            <div
              className={`selection-bubble${pending.below ? ' is-below' : ''}`}
              style={{ top: pending.top, left: pending.left }}
              role="toolbar"
              aria-label="Selection"
            >
              <button
                type="button"
                className="bubble-button"
                disabled={saving}
                // Keep the text selected while the button is pressed.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void createHighlight(pending.range)}
              >
                <span className="bubble-swatch" aria-hidden="true" />
                Highlight
                <kbd aria-hidden="true">H</kbd>
              </button>
              <button
                type="button"
                className="bubble-button"
                disabled={saving}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void createHighlight(pending.range, 'yellow', true)}
              >
                Claim
                <kbd aria-hidden="true">C</kbd>
              </button>
              <span className="bubble-colours" role="group" aria-label="Highlight in a colour">
                {HIGHLIGHT_COLORS.slice(1).map((c, i) => (
                  <button
                    key={c}
                    type="button"
                    className={`bubble-colour hl-${c}`}
                    aria-label={`Highlight in ${c} (${i + 2})`}
                    title={`Highlight in ${c} (${i + 2})`}
                    disabled={saving}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => void createHighlight(pending.range, c)}
                  />
                ))}
              </span>
            </div>
          )}
        </div>
      </div>
      <aside className="reader-side" aria-label="Highlights and claims">
        <ErrorNote>{highlightsQuery.error?.message ?? claimsQuery.error?.message ?? chronologyError}</ErrorNote>
        <HighlightPanel
          highlights={highlights}
          claimsByHighlight={claimsByHighlight}
          eventsByClaim={eventsByClaim}
          chronologies={chronologies}
          activeId={activeId}
          onSelect={select}
          onReattach={(id) => void reattach(id)}
          claimingId={claimingId}
          addingClaimId={addingClaimId}
          onClaimCreated={(claim) => {
            setClaimingId(null);
            setLastClaimId(claim.id);
            setAddingClaimId(null);
          }}
          onDragHighlight={setDraggingHighlight}
          onAddToEvent={setPickingHighlight}
        />
      </aside>
      <EventDropPanel
        dragging={draggingHighlight}
        picking={pickingHighlight}
        chronologies={chronologies}
        onDragDone={() => setDraggingHighlight(null)}
        onClosePick={() => setPickingHighlight(null)}
      />
    </div>
  );
}
