// The UI part of Lede's content script (entrypoints/content/parts.ts says why it is a file of its
// own): the closed shadow-root UIs, built with Preact, handed to the main part.
import { HoverCardHost } from './content/hovercard-ui';
import { mountLegend } from './content/legend-ui';
import { NotesHost } from './content/notes-ui';
import { provideUiPart } from './content/parts';

export default defineContentScript({
  // The same pages and timing as the main part (entrypoints/content/index.ts).
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    provideUiPart({
      hoverCardUi: (ctx, openEntity) => new HoverCardHost(ctx, openEntity),
      mountLegend,
      notesUi: (ctx) => new NotesHost(ctx),
    });
  },
});
