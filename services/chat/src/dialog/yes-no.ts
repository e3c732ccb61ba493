// Yes and no answers to a confirmation; a short lexicon is steadier than a classifier for one-word replies.

const yes =
  /^(y|yes|yeah|yea|ya|yep|yup|sure|ok|okay|k|please do|do it|let'?s do it|let'?s go|lets do it|go ahead|go for it|sounds (good|great|right)|looks (good|right|great)|perfect|correct|right|exactly|great|confirm(ed)?|affirmative|all good|book it|send (it|them)|absolutely|definitely|of course|that'?s (right|correct|it|fine|good|great|perfect)|that is (right|correct|it|fine)|(that|this) works)\b/i;
const no =
  /^(n|no|nope|nah|not really|not quite|don'?t|wrong|change|wait|hold on|actually|that'?s (wrong|not right|not it)|that is (wrong|not right))\b/i;

/** A thumbs up, an OK hand or a tick alone is a yes; a thumbs down or a cross alone is a no. */
const yesEmoji =
  /^(?:\u{1F44D}|\u{1F44C}|\u2705|\u2714\uFE0F?)(?:\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}|\uFE0F)?[\s!.]*$/u;
const noEmoji =
  /^(?:\u{1F44E}|\u274C|\u2716\uFE0F?)(?:\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}|\uFE0F)?[\s!.]*$/u;

export function answer(text: string): 'yes' | 'no' | undefined {
  const t = text.trim();
  if (yesEmoji.test(t)) return 'yes';
  if (noEmoji.test(t)) return 'no';
  // "Definitely not", "absolutely not", "sure not": the yes word does not make it a yes.
  if (/^\w+\s+not\b/i.test(t) && yes.test(t)) return 'no';
  if (yes.test(t)) return 'yes';
  if (no.test(t)) return 'no';
  return undefined;
}
