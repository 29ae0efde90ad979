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
  import_diagnostics?: Diagnostic[];
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
  /** Field delimiter, one ASCII character (default: detected). */
  delimiter?: string;
  organisation?: string;
  title?: string;
  /** Explicit column mapping, header as written → field; wins over the built-in aliases. */
  columns?: Record<string, Role>;
  /** Extra header phrases for the alias table, phrase → field. */
  aliases?: Record<string, Role>;
  /** Carry merged cells down (recommendation, owner, lead member). Default true. */
  fillDown?: boolean;
  /** Timeframe conventions. */
  timeframes?: TimeframeSettings;
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

/**
 * Every error the library throws is a real `Error` whose `name` says the kind:
 * `EmptyError`, `NotTextError`, `NoHeaderError`, `NoRowsError`, `JsonError`,
 * `UnknownColumnError`, `InvalidOptionError`, `TooLargeError`, `DocumentError`, `IoError`
 * (and a plain `TypeError` for an argument of the wrong JS type).
 */
export interface ActionPlanError extends Error {
  /** The core's machine-readable code, e.g. `no_header`. */
  code: string;
  /** The 1-based row the error points at, or `null`. */
  row: number | null;
  /** The column (a header name, or a JSON column number as text), or `null`. */
  column: string | null;
}
