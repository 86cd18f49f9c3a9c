/** Words and phrases for synthetic interview transcripts (spoken English, a migration study). */

export const SUBJECTS = [
  'I', 'we', 'my mother', 'my father', 'my sister', 'my brother', 'the neighbours', 'my aunt', 'the teacher',
  'the landlord', 'my husband', 'my wife', 'the kids', 'my cousin', 'everyone', 'nobody', 'people here',
  'the manager', 'the doctor', 'my friend Amara', 'the social worker', 'my grandmother', 'the other families',
];

export const VERBS = [
  'said', 'thought', 'felt', 'decided', 'wanted', 'tried', 'remembered', 'noticed', 'helped', 'worried',
  'moved', 'worked', 'waited', 'asked', 'explained', 'learned', 'started', 'stopped', 'found', 'lost',
  'missed', 'called', 'visited', 'cooked', 'saved', 'paid', 'argued', 'laughed', 'cried', 'believed',
];

export const OBJECTS = [
  'the papers', 'the apartment', 'the language', 'the school', 'the job at the factory', 'the bus station',
  'the market', 'the money', 'the visa', 'the letters', 'the phone calls', 'the house back home', 'the church',
  'the community centre', 'the night shifts', 'the forms', 'the interview', 'the bakery', 'the hospital',
  'the old photographs', 'the recipes', 'the winter', 'the garden', 'the rent', 'the first weeks', 'the border',
];

export const COMPLEMENTS = [
  'for a long time', 'every single day', 'back then', 'after the second year', 'without any help',
  'when we arrived', 'in the evenings', 'before the kids were born', 'all by ourselves', 'more than once',
  'at the beginning', 'in the end', 'for almost nothing', 'with the neighbours', 'because of the weather',
  'like it was normal', 'without telling anyone', 'on the weekends', 'during the holidays', 'in secret',
];

export const FILLERS = ['um,', 'uh,', 'you know,', 'I mean,', 'like,', 'kind of', 'sort of', 'well,', 'so,', 'actually,'];

/** Said again and again across the interview: segments on these must land on the right occurrence. */
export const STOCK_SENTENCES = [
  "I don't know, you know, it's hard to say.",
  "You know what I mean, it's just how it is.",
  "I don't know, I really don't know.",
  'It was hard, it was really hard for us.',
];

export const SHORT_ANSWERS = ["I don't know.", 'Yeah, yeah.', 'Mm-hm.', "That's a good question.", 'Exactly.', 'No, no.'];

export const QUESTIONS = [
  'Can you tell me about the first weeks?', 'How did your family react?', 'What did you miss the most?',
  'And how was the work?', 'Who helped you back then?', 'What was the hardest part?', 'Can you say more about that?',
  'How did you feel about the language?', 'And the neighbours?', 'What happened after that?',
  'Did you think about going back?', 'How do you see it today?', 'What about the kids?', 'Why do you think that was?',
];

export const ANNOTATIONS = [' [inaudible]', ' [laughs]', ' [crosstalk]', ' [pause]', ' [sighs]'];
