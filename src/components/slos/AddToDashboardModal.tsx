import React, { useState } from 'react';
import {
  Alert,
  Button,
  Combobox,
  Field,
  Input,
  LoadingPlaceholder,
  Modal,
  RadioButtonGroup,
  RadioButtonList,
  Stack,
  Text,
  TextLink,
} from '@grafana/ui';
import {
  addSloToDashboard,
  type DashboardChoice,
  type GrafanaFolder,
  type SloOnDashboard,
  type StoreError,
} from '../../store';
import { testIds } from '../testIds';
import { useDashboardSearch } from './useDashboardSearch';

type Mode = DashboardChoice['kind'];

const MODES: Array<{ label: string; value: Mode }> = [
  { label: 'New dashboard', value: 'new' },
  { label: 'Existing dashboard', value: 'existing' },
];

type Outcome =
  | { kind: 'editing' }
  | { kind: 'saving' }
  | { kind: 'added'; dashboard: SloOnDashboard }
  | { kind: 'failed'; error: StoreError };

interface AddToDashboardModalProps {
  slo: { uid: string; name: string };
  /** The folders the user may save in. */
  folders: GrafanaFolder[];
  /** The SLO's folder: the new dashboard's, when the user may save there. */
  folderUid: string;
  onDismiss: () => void;
}

/** The problem a failed add names for a field, shown at the field. */
function fieldProblem(outcome: Outcome, path: string): string | undefined {
  if (outcome.kind !== 'failed' || outcome.error.kind !== 'invalid') {
    return undefined;
  }
  const problem = outcome.error.errors.find((error) => error.path === path);
  return problem ? `Title ${problem.message}` : undefined;
}

/**
 * Puts the SLO's library panel on a new dashboard (title, folder) or on a stored one (searched by
 * title), then links to it. Grafana's refusals are shown as the store words them.
 */
export function AddToDashboardModal({ slo, folders, folderUid, onDismiss }: AddToDashboardModalProps) {
  const [mode, setMode] = useState<Mode>('new');
  const [title, setTitle] = useState(slo.name);
  // Until the user picks one: the SLO's folder if they may save there, else the first they may.
  const [pickedFolder, setFolder] = useState<string | undefined>();
  const folder =
    pickedFolder ?? (folders.some((candidate) => candidate.uid === folderUid) ? folderUid : (folders[0]?.uid ?? ''));
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'editing' });

  const add = async () => {
    const choice: DashboardChoice =
      mode === 'new' ? { kind: 'new', title, folderUid: folder } : { kind: 'existing', uid: chosen ?? '' };
    setOutcome({ kind: 'saving' });
    const result = await addSloToDashboard(slo, choice);
    setOutcome(result.ok ? { kind: 'added', dashboard: result.value } : { kind: 'failed', error: result.error });
  };
  const ready = mode === 'new' ? folders.length > 0 : chosen !== undefined;

  return (
    <Modal title="Add to dashboard" isOpen onDismiss={onDismiss}>
      <div data-testid={testIds.addToDashboard.modal}>
        {outcome.kind === 'added' ? (
          <Added dashboard={outcome.dashboard} />
        ) : (
          <Stack direction="column" gap={2}>
            <Text element="p" color="secondary">
              Adds the SLO&apos;s library panel: edits to the SLO show on every dashboard that has it.
            </Text>
            <div data-testid={testIds.addToDashboard.mode}>
              <RadioButtonGroup options={MODES} value={mode} onChange={setMode} />
            </div>
            {mode === 'new' ? (
              <NewDashboardFields
                title={title}
                onTitle={setTitle}
                titleProblem={fieldProblem(outcome, 'title')}
                folders={folders}
                folder={folder}
                onFolder={setFolder}
              />
            ) : (
              <DashboardSearch search={search} onSearch={setSearch} chosen={chosen} onChoose={setChosen} />
            )}
            {outcome.kind === 'failed' && fieldProblem(outcome, 'title') === undefined && (
              <div data-testid={testIds.addToDashboard.problem}>
                <Alert
                  severity={outcome.error.kind === 'network' || outcome.error.kind === 'server' ? 'error' : 'warning'}
                  title={outcome.error.kind === 'conflict' ? 'The dashboard changed meanwhile' : 'Not added'}
                >
                  <Text element="p">{outcome.error.message}</Text>
                </Alert>
              </div>
            )}
          </Stack>
        )}
        <Modal.ButtonRow>
          <Button variant="secondary" fill="outline" onClick={onDismiss}>
            {outcome.kind === 'added' ? 'Close' : 'Cancel'}
          </Button>
          {outcome.kind !== 'added' && (
            <Button
              onClick={add}
              disabled={!ready || outcome.kind === 'saving'}
              icon={outcome.kind === 'saving' ? 'spinner' : undefined}
              data-testid={testIds.addToDashboard.submit}
            >
              {outcome.kind === 'failed' && outcome.error.kind === 'conflict' ? 'Try again' : 'Add'}
            </Button>
          )}
        </Modal.ButtonRow>
      </div>
    </Modal>
  );
}

interface NewDashboardFieldsProps {
  title: string;
  onTitle: (title: string) => void;
  titleProblem?: string;
  folders: GrafanaFolder[];
  folder: string;
  onFolder: (uid: string) => void;
}

function NewDashboardFields({ title, onTitle, titleProblem, folders, folder, onFolder }: NewDashboardFieldsProps) {
  return (
    <>
      <Field label="Title" invalid={titleProblem !== undefined} error={titleProblem}>
        <Input
          id="nines-add-to-dashboard-title"
          value={title}
          onChange={(event) => onTitle(event.currentTarget.value)}
          data-testid={testIds.addToDashboard.title}
        />
      </Field>
      <Field
        label="Folder"
        description={folders.length === 0 ? 'There is no folder you may save dashboards in.' : undefined}
      >
        <Combobox
          id="nines-add-to-dashboard-folder"
          data-testid={testIds.addToDashboard.folder}
          options={folders.map((candidate) => ({ label: candidate.title, value: candidate.uid }))}
          value={folder}
          onChange={(option) => onFolder(option.value)}
          disabled={folders.length === 0}
        />
      </Field>
    </>
  );
}

interface DashboardSearchProps {
  search: string;
  onSearch: (text: string) => void;
  chosen?: string;
  onChoose: (uid: string) => void;
}

function DashboardSearch({ search, onSearch, chosen, onChoose }: DashboardSearchProps) {
  const found = useDashboardSearch(search);
  return (
    <Stack direction="column" gap={1}>
      <Field label="Dashboard" description="Search by title">
        <Input
          id="nines-add-to-dashboard-search"
          value={search}
          placeholder="Search dashboards"
          onChange={(event) => onSearch(event.currentTarget.value)}
          data-testid={testIds.addToDashboard.search}
        />
      </Field>
      <div data-testid={testIds.addToDashboard.results}>
        {found.kind === 'loading' && <LoadingPlaceholder text="Searching dashboards..." />}
        {found.kind === 'error' && (
          <Alert severity="error" title="Could not search the dashboards">
            <Text element="p">{found.error.message}</Text>
          </Alert>
        )}
        {found.kind === 'loaded' && found.value.length === 0 && (
          <Text color="secondary">
            {search.trim() ? `No dashboards match "${search.trim()}"` : 'No dashboards yet'}
          </Text>
        )}
        {found.kind === 'loaded' && found.value.length > 0 && (
          <RadioButtonList
            name="nines-dashboard"
            options={found.value.map((hit) => ({
              value: hit.uid,
              label: hit.title,
              description: hit.folderTitle ?? 'General',
            }))}
            value={chosen}
            onChange={onChoose}
          />
        )}
      </div>
    </Stack>
  );
}

function Added({ dashboard }: { dashboard: SloOnDashboard }) {
  return (
    <div data-testid={testIds.addToDashboard.added}>
      <Alert severity="success" title={dashboard.added ? 'Added to the dashboard' : 'Already on the dashboard'}>
        <Stack direction="column" gap={1}>
          <Text element="p">
            {dashboard.added
              ? `The SLO's panel is on "${dashboard.title}".`
              : `"${dashboard.title}" already shows the SLO: nothing was changed.`}
          </Text>
          <TextLink href={dashboard.url} inline={false}>
            Open &quot;{dashboard.title}&quot;
          </TextLink>
        </Stack>
      </Alert>
    </div>
  );
}
