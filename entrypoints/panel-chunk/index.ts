/** Unlisted chunk: the top frame's panel (Preact UI, matching, report loading). */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishChunk } from '../../utils/browser/chunk-loader.ts';
import { startTopFrame } from './top-frame.tsx';

export type PanelChunk = { startTopFrame: typeof startTopFrame };

export default defineUnlistedScript(() => {
  publishChunk('panel', { startTopFrame } satisfies PanelChunk);
});
