import { useEffect, useRef } from 'preact/hooks';
import { quoteSelectorOf } from '@/lib/notes/annotation';
import type { LibraryGroup, LibraryItem } from '@/lib/library/library-index';
import { COLOR_LABELS } from '@/components/notes/colors';
import { formatDay, isoDay } from './format';

export interface NoteGroupsProps {
  groups: LibraryGroup[];
  selected: ReadonlySet<string>;
  onToggle: (ids: string[], select: boolean) => void;
  onExportArticle: (group: LibraryGroup) => void;
}

/** Results grouped by article: a header per article, its notes under it, each selectable. */
export function NoteGroups({ groups, selected, onToggle, onExportArticle }: NoteGroupsProps) {
  return (
    <ol class="library-groups">
      {groups.map((group) => (
        <ArticleGroup key={group.source} group={group} selected={selected} onToggle={onToggle} onExportArticle={onExportArticle} />
      ))}
    </ol>
  );
}

function ArticleGroup({ group, selected, onToggle, onExportArticle }: { group: LibraryGroup } & Omit<NoteGroupsProps, 'groups'>) {
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
          <NoteRow key={item.annotation.id} item={item} checked={selected.has(item.annotation.id)} onToggle={onToggle} />
        ))}
      </ul>
    </li>
  );
}

function NoteRow({ item, checked, onToggle }: { item: LibraryItem; checked: boolean; onToggle: NoteGroupsProps['onToggle'] }) {
  const note = item.annotation;
  const quote = quoteSelectorOf(note.target)?.exact ?? '';
  return (
    <li class="library-note" data-testid="library-note" data-note-id={note.id}>
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
      </div>
    </li>
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
