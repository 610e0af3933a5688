// The pure parts, for the tests; the harness itself is bin.ts.
export { summarize, ratio, type Summary } from './stats/summarize.js';
export { fitLine, type LineFit } from './stats/fit-line.js';
export { markdownTable, type Table } from './report/markdown-table.js';
export { renderDoc, type ScenarioNotes, type StoredResult, type StoredResults } from './report/render-doc.js';
export { countObjects, describeKinds, type ObjectCount } from './yaml/count-objects.js';
export { workloadRequests, type Requests } from './yaml/workload-requests.js';
export { parseWrk, type WrkResult } from './nginx/parse-wrk.js';
export { applyVariant, configVariants, stockConfig, type ConfigVariant } from './nginx/config-variants.js';
export { parseOptions, reproduceArgs, usage, type BenchOptions } from './options.js';
export { generatedApp, generatedCluster, generatedPins, appName } from './fixtures/generated-apps.js';
export { appTemplateValues } from './fixtures/app-template-values.js';
export { entryPoints, splitSpecifier, type EntryPoint } from './scenarios/entry-points.js';
export { topFrames, type FrameTime } from './profile/top-frames.js';
export { scenarioIds, scenarioTitles, type ScenarioId, type ScenarioResult, type GoalCheck } from './scenario.js';
export { parseHumanSize } from './io/buildah.js';
