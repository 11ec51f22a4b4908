import { useEffect, useState } from 'react';
import { readStored, writeStored } from './stored-preference';

// Light, dark, or whatever the system says. The choice is stored; the theme
// in force is set as <html data-theme>, which the stylesheets' custom
// properties follow (base.css).

export type ThemeChoice = 'light' | 'dark' | 'system';
export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];

const KEY = 'annalist.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function parseThemeChoice(raw: string): ThemeChoice {
  return (THEME_CHOICES as readonly string[]).includes(raw) ? (raw as ThemeChoice) : 'system';
}

export function loadThemeChoice(): ThemeChoice {
  return readStored(KEY, parseThemeChoice, 'system');
}

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && systemPrefersDark());
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** The stored choice and a setter that stores and applies it; "system" follows changes as they happen. */
export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(loadThemeChoice);

  useEffect(() => {
    applyTheme(choice);
    if (choice !== 'system' || typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(DARK_QUERY);
    const onChange = () => applyTheme('system');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [choice]);

  function choose(next: ThemeChoice) {
    writeStored(KEY, next);
    setChoice(next);
  }
  return [choice, choose];
}
