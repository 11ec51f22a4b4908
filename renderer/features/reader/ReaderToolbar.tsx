import { MOD } from '../../app/shortcut-keys';
import { TEXT_SIZE } from './reading-preferences';


interface Props {
  textSize: number;
  onTextSize: (direction: 1 | -1) => void;
  findOpen: boolean;
  onFind: () => void;
  detailsOpen: boolean;
  onDetails: () => void;
  correcting: boolean;
  onCorrect: () => void;
}

export function ReaderToolbar({ textSize, onTextSize, findOpen, onFind, detailsOpen, onDetails, correcting, onCorrect }: Props) {
  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Reading">
      <div className="text-size" role="group" aria-label="Text size">
        <button
          type="button"
          className="btn btn-quiet btn-small"
          aria-label="Smaller text"
          title={`Smaller text (${MOD}−)`}
          disabled={textSize <= TEXT_SIZE.min}
          onClick={() => onTextSize(-1)}
        >
          A−
        </button>
        <span className="text-size-value" data-testid="text-size" aria-live="polite">
          {textSize}px
        </span>
        <button
          type="button"
          className="btn btn-quiet btn-small"
          aria-label="Larger text"
          title={`Larger text (${MOD}=)`}
          disabled={textSize >= TEXT_SIZE.max}
          onClick={() => onTextSize(1)}
        >
          A+
        </button>
      </div>
      <span className="spacer" />
      <button
        type="button"
        className="btn btn-quiet btn-small"
        aria-pressed={findOpen}
        title={`Find in article (${MOD}F)`}
        disabled={correcting}
        onClick={onFind}
      >
        Find
      </button>
      <button
        type="button"
        className="btn btn-quiet btn-small"
        aria-pressed={correcting}
        disabled={correcting}
        title="Correct the article's text (OCR slips, a missing paragraph); the original stays as it was"
        onClick={onCorrect}
      >
        Correct text
      </button>
      <button type="button" className="btn btn-quiet btn-small" aria-pressed={detailsOpen} aria-expanded={detailsOpen} onClick={onDetails}>
        Details
      </button>
    </div>
  );
}
