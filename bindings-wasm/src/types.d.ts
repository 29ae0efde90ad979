// ---------------------------------------------------------------------------------------------
// Hand-written types for the plain data that crosses the boundary. The shapes are the core's
// canonical JSON form (snake_case keys, the same as the Python dicts and `actionplan --json`);
// option bags are camelCase. Dates are `YYYY-MM-DD` strings. Optional keys are absent, never
// `undefined`; a value the core has no answer for is `null`.
// ---------------------------------------------------------------------------------------------

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** How serious a diagnostic is. */
export type Severity = "info" | "warning" | "error";

/** Where a diagnostic points: 1-based source row, the column header as written, the cell text. */
export interface Place {
  row?: number;
  column?: string;
  text?: string;
  /** The action's ref, when the place is an action. */
  ref?: string;
  /** The file, when a job reads several (the workbooks returned by owners, in `merge`). */
  file?: string;
}

/** One problem found in a plan. Returned as data, never thrown. */
export interface Diagnostic {
  /** Stable code, e.g. `missing_owner`. */
  code: string;
  severity: Severity;
  /** Plain-English message. */
  message: string;
  place: Place;
  /** What to do about it. */
  hint?: string;
}

/** What a source column was read into. */
export type Role =
  | "ref"
  | "recommendation_ref"
  | "recommendation"
  | "definition"
  | "theme"
  | "action"
  | "owner"
  | "lead_member"
  | "timeframe"
  | "original_due"
  | "status"
  | "rag"
  | "percent"
  | "update"
  | "evidence"
  | "further_options"
  | "extra";

/** A source column: its header as written, and the field it fills. */
export interface Column {
  header: string;
  role: Role;
  /** For update columns: the period the header names ("2024/25 Qrt4"). */
  period?: string;
}

/** Delivery status (lifecycle); a word the library does not know is kept as `{ other }`. */
export type Status =
  | "not_started"
  | "in_progress"
  | "complete"
  | "on_hold"
  | "cancelled"
  | "superseded"
  | { other: string };

/** What kind of phrase a timeframe is. */
export type TimeframeKind =
  | "day"
  | "month"
  | "month_range"
  | "quarter"
  | "season"
  | "financial_year"
  | "calendar_year"
  | "part_of_year"
  | "open_ended"
  | "ongoing"
  | "recurring"
  | "conditional"
  | "status"
  | "unreadable";

/** How sure a reading is. */
export type Confidence = "none" | "low" | "medium" | "high";

/** A recurrence ("4 x per year"). */
export interface Recurrence {
  per_year?: number;
  text: string;
}

/** A reading of a due-date phrase: an interval with flags, keeping the phrase as written. */
export interface Timeframe {
  /** The phrase as written. */
  text: string;
  kind: TimeframeKind;
  /** Earliest start, when the phrase gives one. */
  start?: IsoDate;
  /** Earliest day the deadline could mean. */
  due_earliest?: IsoDate;
  /** Latest day the deadline could mean: the deadline used for rating. */
  due_latest?: IsoDate;
  ongoing?: boolean;
  recurrence?: Recurrence;
  conditional?: boolean;
  /** The earlier deadline a revised date was extended from. */
  revised_from?: IsoDate;
  confidence: Confidence;
  /** What the reader inferred. */
  note?: string;
}

/** One progress update. */
export interface ProgressUpdate {
  period?: string;
  as_of?: IsoDate;
  text: string;
  column?: string;
}

/** One action. */
export interface Action {
  /** The ref as written, or a generated one such as `R3.2`. */
  ref: string;
  ref_generated?: boolean;
  description: string;
  /** The owner cell as written. */
  owner?: string;
  /** Owners split from the owner cell (never on "&"). */
  owners?: string[];
  lead_member?: string;
  timeframe?: Timeframe;
  original_due?: Timeframe;
  status_text?: string;
  status?: Status;
  /** Reported RAG as written. */
  rag?: string;
  percent_complete?: number;
  updates?: ProgressUpdate[];
  evidence?: string;
  further_options?: string;
  /** Every other column, by its header. */
  extra?: Record<string, string>;
  /** 1-based source row. */
  row?: number;
}

/** A recommendation: a group of actions. */
export interface Recommendation {
  key: string;
  title: string;
  definition?: string;
  theme?: string;
  actions: Action[];
  row?: number;
}

/** Plan metadata. */
export interface PlanMeta {
  organisation?: string;
  title?: string;
  /** When the plan was agreed: the reference date for phrases with no year. */
  plan_date?: IsoDate;
  /** The date the progress columns describe. */
  as_of?: IsoDate;
  period?: string;
  peer_challenge_date?: IsoDate;
  /** "csv", "tsv", "json", "xlsx", ... */
  source_format?: string;
}

/** The canonical JSON form of a plan (what `plan.toJSON()` returns and `Plan.fromJSON` takes). */
export interface PlanData {
  meta: PlanMeta;
  columns?: Column[];
  recommendations: Recommendation[];
  /** The performance indicators reported beside the actions (absent when there are none). */
  measures?: Measure[];
  import_diagnostics?: Diagnostic[];
}

/** A figure as written and, when read with confidence, its value ("97.5%" → 97.5). */
export interface Figure {
  text: string;
  value?: number;
  /** "%", "£", "days", ... */
  unit?: string;
  comparison?: "below" | "at_most" | "at_least" | "above";
  /** Why there is no value. */
  note?: "not_assessed" | "not_available" | "unread";
}

/** Whether a higher or a lower figure is better. */
export type Polarity = "higher" | "lower" | "neither";

/** The direction of travel since the previous period. */
export type Direction = "better" | "worse" | "no_change";

/** A performance indicator (measure, KPI, PI), kept apart from the actions. */
export interface Measure {
  ref?: string;
  name: string;
  /** The section heading above it in the table. */
  theme?: string;
  unit?: string;
  frequency_text?: string;
  frequency?: "weekly" | "monthly" | "quarterly" | "half_yearly" | "annual";
  target?: Figure;
  actual?: Figure;
  previous?: Figure;
  forecast?: Figure;
  polarity_text?: string;
  polarity?: Polarity;
  /** How far from target is still amber: a percentage of it, or an amount in its unit. */
  tolerance?: { percent: number } | { absolute: number };
  direction_text?: string;
  direction?: Direction;
  /** The RAG the plan reports for it, as written. */
  rag?: string;
  owner?: string;
  comments?: string;
  /** Columns with no field, by header. */
  extra?: Record<string, string>;
  row?: number;
}

/** One performance indicator's rating. */
export interface MeasureRating {
  /** Position in `plan.measures`. */
  index: number;
  ref?: string;
  name: string;
  /** The label id; null when not rated. */
  label: string | null;
  outcome: "on_target" | "within_tolerance" | "beyond_tolerance" | "not_assessed" | "missing" | "no_target" | "for_information";
  /** How far from target as a percentage of it: positive is better, negative worse. */
  variance_percent?: number;
  polarity?: Polarity;
  polarity_assumed?: boolean;
  direction?: Direction;
  /** Why, in words. */
  reason: string;
}

/** The performance indicators rated with the preset `measures` and counted. */
export interface MeasureStats {
  rules: string;
  total: number;
  rated: number;
  counts: { label: string; name: string; colour: string; count: number; percent: number }[];
  not_assessed: number;
  missing: number;
  no_target: number;
  for_information: number;
  /** "Of 50 performance indicators, all were rated: 40 are green (80%), 4 are amber (8%), 6 are red (12%)." */
  sentence: string;
  ratings: MeasureRating[];
}

/** Conventions for reading due-date phrases; each defaults to the English local-government one. */
export interface TimeframeSettings {
  /** First month of the financial year, 1 to 12 (default 4, April). */
  financialYearStartMonth?: number;
  /** First month of the civic (municipal) year, 1 to 12 (default 5, May). */
  civicYearStartMonth?: number;
}

/** Options of `parsePlan`. Every key is optional. */
export interface ParseOptions {
  /** When the plan was agreed (`YYYY-MM-DD`): the reference for phrases with no year. */
  planDate?: IsoDate;
  /** The date the progress columns describe, when the headers don't say. */
  asOf?: IsoDate;
  /** Input format (default `"auto"`: decided from the content). */
  format?: "auto" | "csv" | "tsv" | "json";
  /** The file's name (`"q4.tsv"`): when `format` is not given, its extension decides as everywhere else (`.tsv` is tab-separated, `.json` is JSON; other names leave it to the content). */
  fileName?: string;
  /** Field delimiter, one ASCII character (default: detected). */
  delimiter?: string;
  organisation?: string;
  title?: string;
  /** Explicit column mapping, header as written → field; wins over the built-in aliases. */
  columns?: Record<string, Role>;
  /** Columns mapped as text, as the command line's `--map` takes them: `"By When=due"` (a
   *  header) or `"3=owner"` (the third column). */
  map?: string[];
  /** Extra header phrases for the alias table, phrase → field, or the text of an alias file
   *  (`"phrase = field"` lines). */
  aliases?: Record<string, Role> | string;
  /** Carry merged cells down (recommendation, owner, lead member). Default true. */
  fillDown?: boolean;
  /** Timeframe conventions. */
  timeframes?: TimeframeSettings;
  /** The sheet of a workbook to read, by name or 0-based number (default: the first visible
   *  worksheet that holds a table of actions). Builds with Excel support only. */
  sheet?: string | number;
  /** Read every visible worksheet that holds a table as one plan, each sheet's name being the
   *  theme of its rows. Builds with Excel support only. */
  sheetsAsThemes?: boolean;
  /** The header row, as a spreadsheet numbers rows (0: the table has no header row). */
  headerRow?: number;
  /** Rows from which on another table starts (its header is that row). */
  tableFrom?: number[];
  /** Read a large file on two threads (native builds only: no effect in WebAssembly). */
  threads?: boolean;
}

/** How a document was read (`inspectPlan`). */
export interface Inspection {
  /** "table" or "cards". */
  layout: string;
  title_rows: number[];
  tables: {
    kind: string;
    header_row: number | null;
    first_row: number;
    last_row: number;
    rows: number;
    columns: {
      index: number;
      header: string;
      role: Role;
      confidence: number;
      header_evidence: string | null;
      content_evidence: string | null;
    }[];
    header: string[];
  }[];
  sections: { row: number; text: string }[];
  skipped: { row: number; reason: string }[];
  actions: number;
  groups: number;
  title: string | null;
  diagnostics: Diagnostic[];
}

/** Options of `plan.validate`. */
export interface ValidateOptions {
  /** Codes to leave out (reader notes included, e.g. `"columns"`). */
  disabled?: string[];
  /** Severity overrides by code, e.g. `{ missing_owner: "error" }`. */
  severity?: Record<string, Severity>;
  /** Leave out the reader's informational notes (column mapping, header row, fill-down). */
  skipImportInfo?: boolean;
}

/** A validation check, as listed by `validationCodes()`. */
export interface ValidationCode {
  code: string;
  /** Default severity. */
  severity: Severity;
  meaning: string;
}

// ---- ratings, statistics, diffs ----------------------------------------------------------

/** A rule set: a preset id (see `presets()`), a rule-set object, or a rule set's JSON text. */
export type Rules = string | RuleSet;

/** Options of `plan.assess`, `plan.assessSince` and `plan.ratedCSV`. */
export interface AssessOptions {
  /** The date to rate as of (`YYYY-MM-DD`; default the date the plan records, else today in the host's time zone). */
  asOf?: IsoDate;
  /** Default `"date-rag"`. */
  rules?: Rules;
}

/** Options of `plan.stats`. */
export interface StatsOptions extends AssessOptions {
  /** The groups (default `"recommendation"`). */
  groupBy?: "recommendation" | "theme" | "owner" | "lead" | "none";
  /** How the headline writes its figures (a rules file's `format` block, or its JSON text); it wins over the rule set's own. */
  format?: StatsFormat | string;
}

/** How the statistics write their figures, as a council publishes them (every key optional; the defaults keep the sentences as they were). */
export interface StatsFormat {
  /** `"64 complete (55%)"`, `"55% (64) complete"`, `"64 of 114 (55%) complete"` or `"55% complete"`. */
  order?: "count_percent" | "percent_count" | "count_of_total" | "percent";
  /** Decimal places of a percent: 0 (default) or 1 ("17.6%"). */
  decimals?: 0 | 1;
  /** Largest remainder (default: the list adds up to 100) or each share on its own. */
  rounding?: "largest_remainder" | "each";
  /** Write a non-zero share under 1% as "less than 1%". */
  less_than_one?: boolean;
  /** What the "Rated by" shares are a share of (default `"all"`). */
  denominator?: "all" | "rated" | "open" | "in_progress";
  /** Print the in-progress breakdown by rating (default true). */
  in_progress_breakdown?: boolean;
  /** Labels in lower case (default) or as the scale and the plan write them. */
  labels?: "lower" | "as_written";
  /** "130 are complete (61%)", "2 have not started". */
  verbs?: boolean;
  /** Between the items of a list (default: commas, and "and" before the last). */
  separator?: string;
}

/** Options of `plan.report` and `plan.reportSince`. */
export interface ReportOptions extends AssessOptions {
  /** Default `"html"` (self-contained, no scripts). */
  format?: "html" | "md" | "markdown" | "csv";
  /** For `reportSince`: the date the previous version is rated as of (default: its own as-of date, else `asOf`). */
  previousAsOf?: IsoDate;
}

/** Options of `diff`: give `asOf` or `rules` to add the changes of derived rating. */
export interface DiffOptions extends AssessOptions {
  /** The date the previous version is rated as of (default: its own as-of date, else `asOf`). */
  previousAsOf?: IsoDate;
}

/** A shipped rule preset. */
export interface PresetInfo {
  id: string;
  name: string;
  description: string;
}

/** A rating label of a scale. */
export interface Label {
  id: string;
  name: string;
  /** Fill colour, `#rrggbb`. */
  colour: string;
  /** Text colour on the fill, when not the default. */
  text?: string;
  description?: string;
  /** What a plan's RAG column says when it means this label: a built-in RAG word (with its synonyms) or any words or phrases the council uses ("Under control"). */
  reported?: (RagWord | string)[];
  /** Other labels (by id) a plan may report for this label without it being a disagreement. */
  same_as?: string[];
  score?: number;
}

/** A reported RAG word, normalised. */
export type RagWord = "blue" | "green" | "amber_green" | "amber" | "amber_red" | "red";

/** A rating scale. */
export interface Scale {
  id: string;
  name: string;
  description?: string;
  labels: Label[];
  /** `false` for categories, not a severity order (roll-ups `none` or `share_of`; default true). */
  ordered?: boolean;
}

/** A bound of a range: a number, a span such as `"3 months"`, or a parameter such as `"$due_soon"`. */
export type Bound = number | string;

/** A range test: `min`/`max` include the bound, `above`/`below` exclude it. */
export interface Range {
  min?: Bound;
  max?: Bound;
  above?: Bound;
  below?: Bound;
}

/** Delivery status as a rating fact. */
export type StatusFact = "not_started" | "in_progress" | "complete" | "on_hold" | "cancelled" | "superseded" | "other" | "none";
/** Reported RAG as a rating fact. */
export type ReportedFact = RagWord | "other" | "none";
/** Whether an action is past its deadline. */
export type OverdueFact = "definitely" | "possibly" | "no" | "no_deadline";

/** A rule's condition: every test it names must hold (an empty condition always holds). */
export interface Condition {
  status?: StatusFact[];
  closed?: boolean;
  reported?: ReportedFact[];
  percent?: Range;
  has_percent?: boolean;
  overdue?: OverdueFact[];
  days_to_due?: Range;
  days_overdue?: Range;
  days_past_earliest?: Range;
  days_past_original?: Range;
  slipped_days?: Range;
  rescheduled?: boolean;
  has_deadline?: boolean;
  ongoing?: boolean;
  recurring?: boolean;
  conditional?: boolean;
  has_update?: boolean;
  days_since_update?: Range;
  status_text_has?: string[];
  comment_has?: string[];
  /** Words or phrases in the plan's RAG cell as written ("under control"). */
  reported_text_has?: string[];
  owner_has?: string[];
  /** Any column by its header, whose cell holds one of the words. */
  column_has?: Record<string, string[]>;
  /** The percent complete expected by now (0 to 100), from the action's start to its deadline. */
  expected_percent?: Range;
  /** Percent complete over the percent expected by now (1 is on schedule). */
  progress_ratio?: Range;
  [fact: string]: unknown;
}

/** One rule: the first rule whose condition holds gives the rating (`null`: not rated). */
export interface Rule {
  id: string;
  description?: string;
  when?: Condition;
  then: string | null;
}

/** How ratings roll up to recommendations and the plan. */
export type Policy =
  | { policy: "worst_of" }
  | { policy: "share_of"; bands: { labels: string[]; at_least: number; then: string }[]; otherwise: string }
  | { policy: "weighted"; scores?: Record<string, number> }
  | { policy: "none" };

/** A rule set, written as data (see the presets for examples: `presetRules("date-rag")`). */
export interface RuleSet {
  id: string;
  name: string;
  description?: string;
  scale: Scale;
  params?: Record<string, Bound>;
  rules: Rule[];
  otherwise?: string;
  rollup?: { recommendation?: Policy; plan?: Policy; plan_over?: "actions" | "recommendations" } | "none";
  /** How the statistics write their figures. */
  format?: StatsFormat;
  /** Which day of a timeframe is the deadline for the forecast (default its end), and the
   * header of the start-date column when it is not one read by default. */
  forecast?: { deadline?: "end" | "start" | "middle"; start_column?: string };
}

/** The facts a rating was decided from. */
export interface Facts {
  status: StatusFact;
  closed: boolean;
  reported: ReportedFact;
  percent?: number;
  due?: IsoDate;
  due_earliest?: IsoDate;
  overdue: OverdueFact;
  days_to_due?: number;
  days_overdue?: number;
  days_past_earliest?: number;
  original_due?: IsoDate;
  days_past_original?: number;
  slipped_days?: number;
  rescheduled: boolean;
  has_deadline: boolean;
  ongoing: boolean;
  recurring: boolean;
  conditional: boolean;
  has_update: boolean;
  last_update?: IsoDate;
  days_since_update?: number;
  cycles_without_update?: number;
  unchanged_since_previous?: boolean;
  has_evidence: boolean;
  /** The percent complete expected by now (0 to 100), if progress grew evenly from the start
   * to the deadline. */
  expected_percent?: number;
  /** Percent complete over `expected_percent`. */
  progress_ratio?: number;
}

/** Why an action has its rating: the rule, the facts it used, and a sentence. */
export interface Reason {
  rule: string | null;
  facts: string[];
  /** E.g. "due 2025-03-31, 42 days overdue, status In progress". */
  text: string;
}

/** One action's derived rating. */
export interface RatedAction {
  ref: string;
  recommendation: string;
  recommendation_index: number;
  action_index: number;
  /** A label id of the scale, or `null` when not rated. */
  rating: string | null;
  reason: Reason;
  facts: Facts;
}

/** A recommendation's (or the plan's) rolled-up rating. */
export interface GroupRating {
  key: string;
  title: string;
  rating: string | null;
  reason: string;
  counts: { label: string; count: number }[];
  not_rated: number;
  actions: number;
}

/** A reported RAG that disagrees with the derived rating. */
export interface RatingFinding {
  code: string;
  severity: Severity;
  ref: string;
  recommendation: string;
  row?: number;
  reported: string;
  reported_label: string;
  derived: string;
  /** How many steps apart on the scale (positive: reported better than derived; 0 on a scale that is not ordered). */
  steps: number;
  message: string;
}

/** What `plan.assess` returns. */
export interface Assessment {
  as_of: IsoDate;
  rules: { id: string; name: string; recommendation_policy: string; plan_policy: string };
  scale: Scale;
  actions: RatedAction[];
  recommendations: GroupRating[];
  plan: GroupRating;
  findings: RatingFinding[];
}

/** A count and its whole-percent share (a list's shares add up to 100). */
export interface Share {
  key: string;
  label: string;
  count: number;
  percent: number;
}

/** Figures for the plan or one group. */
export interface GroupStats {
  key: string;
  title?: string;
  actions: number;
  open: number;
  by_status: Share[];
  by_rating: Share[];
  in_progress_by_rating: Share[];
  overdue_definitely: number;
  overdue_possibly: number;
  due_within: { days_30: number; days_60: number; days_90: number };
  schedule: { due_by_now: number; done: number; percent_done: number | null };
}

/**
 * An open action past its deadline. Its rating's reason is `plan.ratedAction(recommendation_index,
 * action_index, options).reason`; the action itself is `plan.action(...)`.
 */
export interface OverdueAction {
  ref: string;
  recommendation: string;
  /** Position of the recommendation in the plan (0-based). */
  recommendation_index: number;
  /** Position of the action in its recommendation (0-based). */
  action_index: number;
  description: string;
  due?: IsoDate;
  overdue: OverdueFact;
  /** Days past the deadline (negative when only possibly overdue). */
  days_overdue?: number;
  rating?: string;
}

/** Where a peer challenge milestone stands. */
export type MilestoneState = "met" | "met_late" | "missed" | "upcoming" | "unknown";

/** What `plan.stats` returns. */
export interface Stats {
  as_of: IsoDate;
  rules: string;
  rounding: string;
  plan: GroupStats;
  by: "recommendation" | "theme" | "owner" | "lead" | "none";
  groups: GroupStats[];
  workload: { owner: string; actions: number; open: number; complete: number; overdue: number; due_within_90: number }[];
  overdue: OverdueAction[];
  /** The peer challenge timetable, when the plan records the visit date. */
  peer_challenge?: {
    visit: IsoDate;
    milestones: { id: string; name: string; due: IsoDate; latest?: IsoDate; date?: IsoDate; state: MilestoneState; note: string }[];
  };
  /** Headline sentences with their numbers, as a committee report writes them. */
  headline: string[];
  /** The performance indicators, counted apart from the actions (absent when there are none). */
  measures?: MeasureStats;
}

/** An action in one version only, or completed. */
export interface ActionBrief {
  ref: string;
  recommendation: string;
  description: string;
}

/** A change of a value between versions. */
export interface Change {
  ref: string;
  recommendation: string;
  from: string | null;
  to: string | null;
}

/** What `diff` returns. */
export interface PlanDiff {
  old: { title?: string; as_of?: IsoDate; period?: string; actions: number };
  new: { title?: string; as_of?: IsoDate; period?: string; actions: number };
  matches: { old_ref: string; new_ref: string; old_index: [number, number]; new_index: [number, number]; by: "ref" | "similarity"; similarity: number }[];
  added: ActionBrief[];
  removed: ActionBrief[];
  renumbered: { old_ref: string; new_ref: string; old_index: [number, number]; new_index: [number, number]; by: "ref" | "similarity"; similarity: number }[];
  completed: ActionBrief[];
  status_changed: Change[];
  rerated: Change[];
  /** With `asOf` or `rules`: the changes of derived rating. */
  rerated_derived?: Change[];
  deadlines_moved: { ref: string; recommendation: string; from: IsoDate | null; to: IsoDate | null; from_text: string; to_text: string; days: number | null }[];
  comments_not_updated: { ref: string; recommendation: string; comment: string | null }[];
  headline: string;
}

// ---- History across versions ---------------------------------------------------------

/** Options of `PlanHistory.result`, `toHTML` and `toMarkdown`. */
export interface HistoryOptions {
  /** A preset id, a rule-set object or its JSON text to rate each version with (default: not rated). */
  rules?: string | object;
  /** The date to rate a version as of when its file records none. */
  asOf?: IsoDate;
  /** How many versions in a row at one label count as stuck (default 3). */
  stuckVersions?: number;
  /** The label that should not stay put (default `"Amber"`). */
  stuckLabel?: string;
  /** Further words or phrases that say an action is delayed. */
  delayWords?: string[];
}

/** One action in one version of a history. */
export interface HistorySnapshot {
  ref: string;
  status?: string;
  reported?: string;
  rating?: string;
  colour?: string;
  due?: IsoDate;
  due_text?: string;
  percent?: number;
  comment?: string;
  evidence?: string;
}

/** A move of an action's deadline: in which version, from and to, and the comment giving a reason, if any. */
export interface HistoryRevision {
  version: number;
  from: IsoDate | null;
  to: IsoDate | null;
  from_text: string;
  to_text: string;
  days: number | null;
  reason: string | null;
}

/** A finding of the honesty checks, with the evidence quoted. */
export interface HonestyFinding {
  code: "green_but_delayed" | "stuck" | "deadline_moved_unexplained" | "deadline_moved_repeatedly" | "complete_without_evidence" | "complete_below_100";
  ref: string;
  recommendation: string;
  version: number;
  message: string;
  evidence: string;
}

/** What `PlanHistory.result` returns. */
export interface History {
  versions: { title?: string; as_of?: IsoDate; period?: string; actions: number }[];
  labels: string[];
  rated_as_of: (IsoDate | null)[];
  actions: {
    ref: string;
    recommendation: string;
    description: string;
    /** One entry per version; `null` where the action is absent. */
    versions: (HistorySnapshot | null)[];
    links: { version: number; by: "ref" | "similarity"; similarity: number; confidence: number }[];
    revisions: HistoryRevision[];
    completed_in: number | null;
    comment_unchanged_in: number[];
  }[];
  summary: { actions: number; slipped: number; days_slipped: number; slipped_more_than_once: number; completed: number; matched_by_description: number };
  findings: HonestyFinding[];
  headline: string;
}

// ---- Office files ------------------------------------------------------------------------

/** What container a file's first bytes say it is (see `officeContainer`). */
export type OfficeContainer = "zip" | "xls" | "doc" | "encrypted" | "ole";

/** Options of `merge` (the Office build only). */
export interface MergeOptions {
  /** The date the new updates describe: the next version's as-of date (`YYYY-MM-DD`). */
  asOf?: IsoDate;
  /** The period the new updates are for ("Q1 2025/26"); it names the new update column. */
  period?: string;
}

/** One owner's update workbook, as `ownerGroups` lists them (the Office build only). */
export interface OwnerGroup {
  /** The owner as the plan names them, or "Unassigned" for the actions with no owner. */
  owner: string;
  /** The workbook's file name, as `template` names it ("Head-of-Legal.xlsx"). */
  file_name: string;
  /** How many actions the workbook holds. */
  actions: number;
}

/** One change `merge` took from an owner's workbook. */
export interface OwnerChange {
  /** The action's ref. */
  ref: string;
  field: "status" | "rag" | "due" | "update";
  /** The value before (`null` when blank). */
  from: string | null;
  to: string;
  /** The reason given, for a moved date. */
  reason?: string;
  /** The workbook it came from (its name, or "workbook N" for an array). */
  file: string;
  /** The row in that workbook's sheet "Your actions" (1-based). */
  row: number;
}

/**
 * What `merge` gives: the next version of the plan (earlier updates and original due dates
 * kept), every change taken, and the conflicts and other problems (each message starts with
 * its file and sheet; `place` has the row, column and text).
 */
export interface OwnerMerge {
  plan: Plan;
  changes: OwnerChange[];
  diagnostics: Diagnostic[];
}

/**
 * Every error the library throws is a real `Error` whose `name` says the kind:
 * `EmptyInputError`, `NotTextError`, `NoHeaderError`, `NoRowsError`, `InvalidJsonError`,
 * `UnknownColumnError`, `InvalidOptionError`, `TooLargeError`, `DocumentError`,
 * `PdfEncryptedError`, `PdfScannedError`, `PdfDamagedError` (a PDF that needs a password, a
 * scan with no text layer, a damaged PDF), `ReadError`;
 * from the npm package's entries also `FreedError` (a plan used after `free()`) and
 * `NotStartedError` (a `/slim` entry called before `init`). The package exports this as a
 * class, so `e instanceof ActionPlanError` holds for all of them, and `isActionPlanError(e)`
 * is the same test as a type guard. An argument of the wrong JS type is a plain `TypeError`.
 */
export interface ActionPlanError extends Error {
  /** The core's machine-readable code, e.g. `no_header`. */
  code: string;
  /** The 1-based row the error points at, or `null`. */
  row: number | null;
  /** The column (a header name, or a JSON column number as text), or `null`. */
  column: string | null;
}
