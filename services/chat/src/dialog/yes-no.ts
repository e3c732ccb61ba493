// Yes and no answers to a confirmation; a short lexicon is steadier than a classifier for one-word replies.

const yes =
  /^(y|yes|yeah|yep|yup|sure|ok|okay|please do|do it|go ahead|sounds good|perfect|correct|right|send (it|them)|absolutely|of course)\b/i;
const no = /^(n|no|nope|nah|not really|don'?t|wrong|change)\b/i;

export function answer(text: string): 'yes' | 'no' | undefined {
  const t = text.trim();
  if (yes.test(t)) return 'yes';
  if (no.test(t)) return 'no';
  return undefined;
}
