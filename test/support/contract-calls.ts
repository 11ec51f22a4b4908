import { afterEach, beforeEach } from 'vitest';
import type { BackendContext } from '../../electron/backend/api/backend-context';
import { dispatch } from '../../electron/backend/api/dispatch';
import type { PdfRenderer } from '../../electron/backend/export/pdf-renderer';
import { openProject } from '../../electron/backend/project/open-project';
import type { Input, Method, Output } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { RESOURCES_DIR, tempProject } from './temp-project';

// Contract calls through dispatch() (what both transports call), for tests
// that set up a fresh context per test: the context is read at call time.

export function contractCalls(context: () => BackendContext) {
  async function call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    return (await dispatch(context(), method, input)) as Result<Output<M>>;
  }
  /** The value of a call that must succeed. */
  async function value<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = await call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  }
  /**
   * Highlights the first occurrence of `passage` in the article whose title
   * starts with `article`, or whose source file name ends with it.
   */
  async function mark(article: string, passage: string) {
    const found = (await value('library.list', {})).find((a) => a.title.startsWith(article) || a.sourcePath.endsWith(article));
    if (!found) throw new Error(`No article “${article}” in the project.`);
    const { text } = await value('reader.getArticle', { id: found.id });
    const start = text.indexOf(passage);
    if (start < 0) throw new Error(`“${found.title}” does not contain “${passage}”.`);
    return value('annotations.createHighlight', { articleId: found.id, start, end: start + passage.length });
  }
  return { call, value, mark };
}

const noPdf: PdfRenderer = { render: async () => new Uint8Array() };

type TempProject = Awaited<ReturnType<typeof tempProject>>;

export interface ContractProject extends ReturnType<typeof contractCalls> {
  project: TempProject;
  ctx: BackendContext;
  /** Closes the project file and opens it again, as a researcher restarting the app. */
  reopen(): Promise<void>;
}

/**
 * A fresh project file per test (made before it, removed after it) with a
 * back-end context over it, and contract calls on that context.
 */
export function contractProject(pdf: PdfRenderer = noPdf): ContractProject {
  const env: ContractProject = {
    project: undefined as unknown as TempProject,
    ctx: undefined as unknown as BackendContext,
    async reopen() {
      await env.project.db.close();
      env.project.db = await openProject(env.project.path);
      env.ctx = { ...env.ctx, db: env.project.db };
    },
    ...contractCalls(() => env.ctx),
  };
  beforeEach(async () => {
    env.project = await tempProject();
    env.ctx = { db: env.project.db, projectPath: env.project.path, resourcesDir: RESOURCES_DIR, pdf, transport: 'http' };
  });
  afterEach(async () => env.project.cleanup());
  return env;
}
