import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

// One counter for "the project changed": a view that writes (imports, a new
// highlight, a new event) bumps it, and every query reloads, so the sidebar
// counts and other views never show stale numbers.
interface DataVersion {
  version: number;
  changed: () => void;
}

const Ctx = createContext<DataVersion>({ version: 0, changed: () => undefined });

export function DataVersionProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const value = useMemo(() => ({ version, changed }), [version, changed]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useDataVersion(): DataVersion {
  return useContext(Ctx);
}
