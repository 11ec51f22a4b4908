/**
 * A formatting button of a Tiptap toolbar (note, description, correction):
 * named by its title for screen readers, and pressed without taking the
 * focus from the text, so the selection it acts on stays.
 */
export function EditorToolButton({
  label,
  title,
  active = false,
  disabled = false,
  onRun,
}: {
  label: string;
  title: string;
  active?: boolean;
  disabled?: boolean;
  onRun: () => void;
}) {
  return (
    <button
      type="button"
      className={`btn btn-quiet btn-small note-tool${active ? ' is-on' : ''}`}
      aria-pressed={active}
      title={title}
      aria-label={title}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onRun}
    >
      {label}
    </button>
  );
}
