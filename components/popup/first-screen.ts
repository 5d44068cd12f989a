// While the popup draws its first screen of cards, what is hidden (a folded card's details, a
// folded section's body) waits for the next render: the reader sees the same screen sooner, and the
// hidden parts are in the DOM a moment later, before the popup says its cards are ready.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export const FirstScreen = createContext(false);

/** True while only what shows on the first screen is rendered. */
export function useFirstScreen(): boolean {
  return useContext(FirstScreen);
}
