// @vitest-environment happy-dom
// Which DOM mutations make the notes controller read the article again (lib/page/notes/page-watch.ts).
import { describe, expect, it } from 'vitest';
import { isLedeHost, isRelevantMutation } from '@/lib/page/notes/page-watch';

function record(type: MutationRecordType, target: Node, added: Node[] = [], removed: Node[] = []) {
  const list = (nodes: Node[]) => nodes as unknown as NodeList;
  return { type, target, addedNodes: list(added), removedNodes: list(removed) };
}

describe('isRelevantMutation', () => {
  it('counts text edits and added or removed page nodes', () => {
    document.body.innerHTML = '<article><p id="p">Text</p></article>';
    const p = document.getElementById('p')!;
    expect(isRelevantMutation(record('characterData', p.firstChild!))).toBe(true);
    const added = document.createElement('p');
    expect(isRelevantMutation(record('childList', p.parentNode!, [added]))).toBe(true);
    expect(isRelevantMutation(record('childList', p.parentNode!, [], [added]))).toBe(true);
  });

  it("ignores Lede's own hosts, anything inside them, and attribute changes", () => {
    document.body.innerHTML = '<article><p>Text</p></article><lede-legend><div id="inner">x</div></lede-legend>';
    const host = document.querySelector('lede-legend')!;
    expect(isLedeHost(host)).toBe(true);
    expect(isLedeHost(document.body)).toBe(false);
    expect(isRelevantMutation(record('childList', document.body, [host]))).toBe(false);
    expect(isRelevantMutation(record('childList', document.body, [], [document.createElement('lede-notes')]))).toBe(false);
    expect(isRelevantMutation(record('characterData', document.getElementById('inner')!.firstChild!))).toBe(false);
    expect(isRelevantMutation(record('attributes', document.querySelector('p')!))).toBe(false);
    // A page node added together with a Lede host still counts.
    expect(isRelevantMutation(record('childList', document.body, [host, document.createElement('div')]))).toBe(true);
  });
});
