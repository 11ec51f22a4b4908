/** How shortcuts are written on this platform: "⌘F" on a Mac, "Ctrl+F" elsewhere. */
export const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';
