// The two renderings of the seed article (../shared/fixtures/seed/).
export interface SeedPage {
  file: string;
  /** Short name for output files: page-<label>.png, popup-<label>.png. */
  label: string;
}

export const SEED_PAGES: readonly SeedPage[] = [
  { file: 'page-restored.html', label: 'restored' },
  { file: 'page-stripped.html', label: 'stripped' },
];
