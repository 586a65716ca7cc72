/** Unlisted chunk: extraction + badge layer, published for the content script. */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishChunk } from '../../utils/browser/chunk-loader.ts';
import { createPreviewRuntime } from './preview-runtime.ts';

export type PreviewChunk = { createPreviewRuntime: typeof createPreviewRuntime };

export default defineUnlistedScript(() => {
  publishChunk('preview', { createPreviewRuntime } satisfies PreviewChunk);
});
