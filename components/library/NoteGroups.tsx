import { useEffect, useRef } from 'preact/hooks';
import { quoteSelectorOf } from '@/lib/notes/annotation';
import type { LibraryGroup, LibraryItem } from '@/lib/library/library-index';
import { COLOR_LABELS } from '@/components/notes/colors';
import type { Annotation } from '@/lib/notes/annotation';
import type { ConflictChoice } from '@/lib/protocol/sync';
import { formatDay, isoDay } from './format';

/** Sync's conflict copies: the note each is a copy of, and settling one (through the background). */
export interface ConflictActions {
  originalOf: (id: string) => Annotation | undefined;
  resolve: (copy: Annotation, keep: ConflictChoice) => void;
}

export interface NoteGroupsProps {
  groups: LibraryGroup[];
  selected: ReadonlySet<string>;
  onToggle: (ids: string[], select: boolean) => void;
  onExportArticle: (group: LibraryGroup) => void;
  conflicts?: ConflictActions;
}

/** Results grouped by article: a header per article, its notes under it, each selectable. */
export function NoteGroups({ groups, selected, onToggle, onExportArticle, conflicts }: NoteGroupsProps) {
  return (
    <ol class="library-groups">
      {groups.map((group) => (
        <ArticleGroup key={group.source} group={group} selected={selected} onToggle={onToggle} onExportArticle={onExportArticle} conflicts={conflicts} />
      ))}
    </ol>
  );
}

function ArticleGroup({ group, selected, onToggle, onExportArticle, conflicts }: { group: LibraryGroup } & Omit<NoteGroupsProps, 'groups'>) {
  const ids = group.items.map((item) => item.annotation.id);
  const chosen = ids.filter((id) => selected.has(id)).length;
  const titleId = `group-${hashId(group.source)}`;
  return (
    <li class="library-article" data-testid="library-article" data-source={group.source} aria-labelledby={titleId}>
      <header class="library-article-head">
        <TriStateCheckbox
          checked={chosen === ids.length}
          indeterminate={chosen > 0 && chosen < ids.length}
          label={`Select all ${ids.length} notes on “${group.title}”`}
          onChange={(checked) => onToggle(ids, checked)}
        />
        <div class="library-article-text">
          <h2 id={titleId} class="library-article-title">
            <a href={group.source} target="_blank" rel="noopener noreferrer">
              {group.title}
            </a>
          </h2>
          <p class="library-article-meta">
            {group.site}
            {group.readAt !== null && (
              <>
                {' · read '}
                <time dateTime={isoDay(group.readAt)}>{formatDay(group.readAt)}</time>
              </>
            )}
            {` · ${ids.length} ${ids.length === 1 ? 'note' : 'notes'}`}
          </p>
        </div>
        <button type="button" class="library-button library-button-small" data-testid="export-article" onClick={() => onExportArticle(group)}>
          Export<span class="visually-hidden"> “{group.title}” as Markdown</span>
        </button>
      </header>
      <ul class="library-notes">
        {group.items.map((item) => (
          <NoteRow key={item.annotation.id} item={item} checked={selected.has(item.annotation.id)} onToggle={onToggle} conflicts={conflicts} />
        ))}
      </ul>
    </li>
  );
}

function NoteRow({ item, checked, onToggle, conflicts }: { item: LibraryItem; checked: boolean; onToggle: NoteGroupsProps['onToggle']; conflicts?: ConflictActions }) {
  const note = item.annotation;
  const quote = quoteSelectorOf(note.target)?.exact ?? '';
  return (
    <li class={note.conflictOf ? 'library-note library-conflict' : 'library-note'} data-testid="library-note" data-note-id={note.id} data-conflict-of={note.conflictOf}>
      <input
        type="checkbox"
        class="library-check"
        checked={checked}
        aria-label={`Select note on “${truncate(quote || note.body, 60)}”`}
        onChange={(event) => onToggle([note.id], event.currentTarget.checked)}
      />
      <span class={`library-swatch library-swatch-${note.color}`} role="img" aria-label={`${COLOR_LABELS[note.color]} highlight`} />
      <div class="library-note-text">
        {quote && <blockquote class="library-quote">{quote}</blockquote>}
        {note.body && <p class="library-body">{note.body}</p>}
        <p class="library-note-meta">
          {note.tags.length > 0 && (
            <span class="library-tags" aria-label="Tags">
              {note.tags.map((tag) => (
                <span class="library-tag" key={tag}>
                  {tag}
                </span>
              ))}
            </span>
          )}
          <time dateTime={note.created}>{formatDay(note.created)}</time>
        </p>
        {note.conflictOf && conflicts && <ConflictBar copy={note} conflicts={conflicts} />}
      </div>
    </li>
  );
}

/** "Conflict copy of …": sync kept this text because two browsers changed the note at once. */
function ConflictBar({ copy, conflicts }: { copy: Annotation; conflicts: ConflictActions }) {
  const original = conflicts.originalOf(copy.conflictOf!);
  const label = original ? `“${truncate(original.body || quoteSelectorOf(original.target)?.exact || 'a note', 60)}”` : 'a note since deleted';
  return (
    <div class="library-conflict-bar" role="group" aria-label="Sync conflict" data-testid="conflict-copy">
      <p class="library-conflict-text">
        Conflict copy of {label}: two browsers changed this note at the same time, and sync kept both texts.
      </p>
      <div class="library-conflict-actions">
        <button type="button" class="library-button library-button-small" data-testid="conflict-keep-copy" onClick={() => conflicts.resolve(copy, 'copy')}>
          Keep this one
        </button>
        <button type="button" class="library-button library-button-small" data-testid="conflict-keep-other" onClick={() => conflicts.resolve(copy, 'original')}>
          {original ? 'Keep the other' : 'Delete this copy'}
        </button>
      </div>
    </div>
  );
}

/** A checkbox that can show "some selected", which only the DOM property can express. */
export function TriStateCheckbox({
  checked,
  indeterminate,
  label,
  onChange,
  testId,
}: {
  checked: boolean;
  indeterminate: boolean;
  label: string;
  onChange: (checked: boolean) => void;
  testId?: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      class="library-check"
      data-testid={testId}
      checked={checked}
      aria-label={label}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A short DOM-safe id for an article URL. */
function hashId(text: string): string {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}
