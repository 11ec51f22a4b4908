import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

// Where projects live when nobody says otherwise. Matches Electron's
// app.getPath('userData') for an app named "Annalist", so the desktop app,
// the CLI and browser mode all open the same default project.
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.ANNALIST_USER_DATA) return resolve(env.ANNALIST_USER_DATA);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Annalist');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Annalist');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Annalist');
}

export function defaultProjectPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), 'default.annalist');
}

export function resolveProjectPath(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return given ? resolve(given) : defaultProjectPath(env);
}
