import { THEME_CHOICES, useTheme, type ThemeChoice } from './theme';

const LABELS: Record<ThemeChoice, string> = { light: 'Light', dark: 'Dark', system: 'System' };

export function ThemeSwitch() {
  const [choice, choose] = useTheme();
  return (
    <div className="theme-switch" role="radiogroup" aria-label="Theme">
      {THEME_CHOICES.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={choice === c}
          className={`theme-option${choice === c ? ' is-current' : ''}`}
          title={c === 'system' ? 'Follow the system’s light or dark setting' : `${LABELS[c]} theme`}
          onClick={() => choose(c)}
        >
          {LABELS[c]}
        </button>
      ))}
    </div>
  );
}
