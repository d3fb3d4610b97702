// The design patterns every model starts with: each of the eight traits high and low, and the main topics
// the wants system finds. Written as training text, so it doubles as an example of the format.
export const DEFAULT_TRAINING = `
<learned_design>{"concepts":["rhythm","melody"],"traits":{"playfulness":"high","creativity":"high"},"topics":["music"],"palette":["#7c3aed","#ec4899","#fde68a"],"form":"blob","motion":"bounce","style":"cartoon","confidence":0.7}</learned_design>
<learned_design>{"concepts":["colour","painting"],"traits":{"creativity":"high"},"topics":["art"],"palette":["#f97316","#14b8a6","#fef3c7"],"form":"star","motion":"sway","style":"soft","confidence":0.7}</learned_design>
<learned_design>{"concepts":["code","logic"],"traits":{"verbosity":"low"},"topics":["programming"],"palette":["#0f172a","#22c55e","#94a3b8"],"form":"rounded-square","motion":"pulse","style":"geometric","confidence":0.7}</learned_design>
<learned_design>{"concepts":["atom","experiment"],"traits":{"curiosity":"high"},"topics":["science"],"palette":["#1d4ed8","#06b6d4","#e0f2fe"],"form":"hexagon","motion":"spin","style":"geometric","confidence":0.7}</learned_design>
<learned_design>{"concepts":["forest","growth"],"traits":{"empathy":"high"},"topics":["nature"],"palette":["#166534","#84cc16","#fef9c3"],"form":"blob","motion":"sway","style":"soft","confidence":0.7}</learned_design>
<learned_design>{"concepts":["play","arcade"],"traits":{"playfulness":"high","humor":"high"},"topics":["gaming"],"palette":["#db2777","#8b5cf6","#22d3ee"],"form":"diamond","motion":"bounce","style":"cartoon","confidence":0.7}</learned_design>
<learned_design>{"concepts":["wisdom","question"],"traits":{"verbosity":"high"},"topics":["philosophy"],"palette":["#44403c","#a8a29e","#fafaf9"],"form":"circle","motion":"float","style":"minimal","confidence":0.7}</learned_design>
<learned_design>{"concepts":["warmth","feeling"],"traits":{"empathy":"high"},"topics":["emotion"],"palette":["#e11d48","#fb7185","#ffe4e6"],"form":"circle","motion":"pulse","style":"soft","confidence":0.7}</learned_design>
<learned_design>{"concepts":["calm","ocean"],"traits":{"humor":"low","playfulness":"low"},"palette":["#1e3a8a","#60a5fa","#e0f2fe"],"form":"circle","motion":"float","style":"minimal","confidence":0.6}</learned_design>
<learned_design>{"concepts":["elegance","authority"],"traits":{"formality":"high","confidence":"high"},"palette":["#111827","#b45309","#f3f4f6"],"form":"diamond","motion":"still","style":"geometric","confidence":0.6}</learned_design>
<learned_design>{"concepts":["sunny","friendly"],"traits":{"formality":"low","humor":"high"},"palette":["#f59e0b","#fb923c","#fff7ed"],"form":"rounded-square","motion":"bounce","style":"cartoon","confidence":0.6}</learned_design>
<learned_design>{"concepts":["gentle","shy"],"traits":{"confidence":"low","verbosity":"low"},"palette":["#a5b4fc","#c7d2fe","#f5f3ff"],"form":"blob","motion":"float","style":"soft","confidence":0.6}</learned_design>
<learned_design>{"concepts":["plain","practical"],"traits":{"empathy":"low","creativity":"low","curiosity":"low"},"palette":["#475569","#94a3b8","#f1f5f9"],"form":"rounded-square","motion":"still","style":"minimal","confidence":0.6}</learned_design>
`;
