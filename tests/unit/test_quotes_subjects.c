/* test_quotes_subjects.c: who is a sentence's subject when a quotation has no reporting verb of its own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "quotes_testlib.h"

/* "The United Nations High Commissioner said": an office named in full, not "the commissioner" met before. */
static void office_of_a_body_is_not_an_anaphor(void **state)
{
	(void)state;
	struct article *a = analyse("Camps fill up\n\nSecretary of State Mark Ellison announced the new policy on Monday.\n\n"
	                            "The United Nations High Commissioner for Refugees said the policy was "
	                            "\xE2\x80\x9C" "deeply worrying for families" "\xE2\x80\x9D" ".\n");
	assert_speaker(quote(a, "deeply worrying"), NULL);
	article_free(a);
}

/* "The merger of Harlow Press and Denton Media will create a “stronger” company": the merger is the subject. */
static void name_inside_a_phrase_is_not_the_subject(void **state)
{
	(void)state;
	struct article *a = analyse("Papers merge\n\nThe merger of the newspaper chains Harlow Press and Denton Media, "
	                            "which became final on Tuesday, will create a \xE2\x80\x9C" "stronger" "\xE2\x80\x9D"
	                            " group \xE2\x80\x9C" "with deep local roots across the country." "\xE2\x80\x9D\n");
	assert_speaker(quote(a, "stronger"), NULL);
	assert_speaker(quote(a, "with deep local roots"), NULL);
	article_free(a);
	/* a name opening the sentence still speaks */
	a = analyse("Papers merge\n\nOn Tuesday, Harlow Press promised a company "
	            "\xE2\x80\x9C" "with deep local roots across the whole country" "\xE2\x80\x9D" ".\n");
	assert_speaker(quote(a, "with deep local roots"), "Harlow Press");
	article_free(a);
}

/* "in what host Tom Bergeron described as": the name after "what" is its clause's subject, not a phrase's object. */
static void clause_after_a_preposition_has_its_subject(void **state)
{
	(void)state;
	struct article *a = analyse("Dancer leaves\n\nSinger Jamie Cole was voted off in what host Tom Bergeron described as "
	                            "the \xE2\x80\x9C" "hardest verdict of the season." "\xE2\x80\x9D\n");
	assert_speaker(quote(a, "hardest verdict"), "Tom Bergeron");
	article_free(a);
}

/* "“…” ¶ That’s the view of ... by Dana Whitlock": the next paragraph names who said the quotations before it. */
static void next_paragraph_points_back(void **state)
{
	(void)state;
	struct article *a = analyse("Papers merge\n\nThe deal will create a \xE2\x80\x9C" "stronger" "\xE2\x80\x9D"
	                            " and \xE2\x80\x9C" "more viable" "\xE2\x80\x9D" " news company.\n\n"
	                            "That\xE2\x80\x99s the hopeful view voiced by Dana Whitlock, the chief executive of "
	                            "Harlow Press, on Friday.\n");
	assert_speaker(quote(a, "stronger"), "Dana Whitlock");
	assert_speaker(quote(a, "more viable"), "Dana Whitlock");
	assert_string_equal(quote(a, "stronger")->cue, "by");
	article_free(a);
	a = analyse("Rents climb\n\n\xE2\x80\x9C" "Nobody can afford to live here any more." "\xE2\x80\x9D\n\n"
	            "So says Marta Ocampo, who has rented in the district for thirty years.\n");
	assert_speaker(quote(a, "Nobody can afford"), "Marta Ocampo");
	article_free(a);
	/* "from" something that is no one: nobody claimed */
	a = analyse("Rents climb\n\nTenants call it a \xE2\x80\x9C" "crisis" "\xE2\x80\x9D" ".\n\n"
	            "That is up from two years ago, when Marta Ocampo moved in.\n");
	assert_speaker(quote(a, "crisis"), NULL);
	article_free(a);
	/* an attributed quotation is not claimed again */
	a = analyse("Rents climb\n\n\xE2\x80\x9C" "We are leaving the city," "\xE2\x80\x9D" " said Tom Ridley.\n\n"
	            "That was echoed by Marta Ocampo, a neighbour.\n");
	assert_speaker(quote(a, "We are leaving"), "Tom Ridley");
	article_free(a);
}

/* "directives from Xi to “show no mercy”": words ordered by someone are theirs. */
static void directive_from_a_name(void **state)
{
	(void)state;
	struct article *a = analyse("Purge widens\n\nThe arrests followed directives from Governor Tom Ridley to "
	                            "\xE2\x80\x9C" "leave no one standing" "\xE2\x80\x9D" " in the \xE2\x80\x9C"
	                            "war on corruption and fraud" "\xE2\x80\x9D" ".\n");
	assert_speaker(quote(a, "leave no one standing"), "Tom Ridley");
	assert_speaker(quote(a, "war on corruption"), "Tom Ridley");
	article_free(a);
	/* the name far from the quotation: not its speaker */
	a = analyse("Purge widens\n\nThe arrests followed directives from Governor Tom Ridley, which police carried out "
	            "across the city in what residents called a \xE2\x80\x9C" "night of fear" "\xE2\x80\x9D" ".\n");
	assert_speaker(quote(a, "night of fear"), NULL);
	article_free(a);
}

/* A place speaks as a subject ("Norway has urged"), never as the object of a preposition ("ambassador to Britain"). */
static void place_speaks_only_as_subject(void **state)
{
	(void)state;
	struct article *a = analyse("Talks stall\n\nNorway\xE2\x80\x99s ambassador to Britain accused the rebels of "
	                            "\xE2\x80\x9C" "reckless and cynical meddling" "\xE2\x80\x9D" ".\n\n"
	                            "Norway has urged \xE2\x80\x9C" "restraint on all sides of the conflict" "\xE2\x80\x9D" ".\n");
	assert_speaker(quote(a, "reckless and cynical"), NULL);
	assert_speaker(quote(a, "restraint on all sides"), "Norway");
	article_free(a);
}

/* "the “informant”": one word after "the" is the writer's distance, nobody's quotation; "a “fraud”" is someone's word. */
static void one_word_after_the_is_a_mention(void **state)
{
	(void)state;
	struct article *a = analyse("Inquiry widens\n\nSenator Jane Holloway again refused to name the "
	                            "\xE2\x80\x9C" "informant," "\xE2\x80\x9D" " and her staff stayed silent.\n\n"
	                            "Holloway called her rival a \xE2\x80\x9C" "fraud" "\xE2\x80\x9D" " on Monday.\n");
	assert_speaker(quote(a, "informant"), NULL);
	assert_speaker(quote(a, "fraud"), "Jane Holloway");
	article_free(a);
}

/* "Blue Lantern have denied ... “…,” they said": "they" is that body, even unknown, not the last one named. */
static void they_after_an_unknown_subject(void **state)
{
	(void)state;
	struct article *a = analyse("Label row\n\nThe singer Tara Mills complained about her label in a Netflix "
	                            "documentary last week.\n\nBlue Lantern have twice denied doing anything wrong.\n\n"
	                            "\xE2\x80\x9C" "At no point did we stop her from performing," "\xE2\x80\x9D"
	                            " they said in a statement.\n\nNow they have written to the organisers of the Grammys.\n\n"
	                            "\xE2\x80\x9C" "We have agreed to every request," "\xE2\x80\x9D" " it says.\n");
	assert_speaker(quote(a, "At no point"), NULL);
	assert_speaker(quote(a, "We have agreed"), NULL);
	article_free(a);
	/* a known body as the subject: "they" is that body */
	a = analyse("Label row\n\nThe singer Tara Mills complained in a Netflix documentary last week.\n\n"
	            "Harlow Corporation has twice denied doing anything wrong.\n\n"
	            "\xE2\x80\x9C" "At no point did we stop her from performing," "\xE2\x80\x9D" " they said.\n");
	assert_speaker(quote(a, "At no point"), "Harlow Corporation");
	article_free(a);
}

/* "it" and "they" reach a body named in this paragraph or the one before, or kept alive by "it said". */
static void it_reaches_back_one_paragraph(void **state)
{
	(void)state;
	struct article *a = analyse("Campus siege\n\nHarlow Corporation was surrounded by police on Monday.\n\n"
	                            "Parents and teachers waited outside for hours.\n\n"
	                            "Meanwhile, they note that soldiers cleared the streets: a \xE2\x80\x9C"
	                            "voluntary clean-up activity of the city" "\xE2\x80\x9D" ".\n");
	assert_speaker(quote(a, "voluntary clean-up"), NULL);
	article_free(a);
	a = analyse("Plant closes\n\nHarlow Corporation said it would close the plant.\n\n"
	            "\xE2\x80\x9C" "We regret the decision," "\xE2\x80\x9D" " it said.\n\n"
	            "\xE2\x80\x9C" "The market has changed beyond recognition," "\xE2\x80\x9D" " it added.\n");
	assert_speaker(quote(a, "We regret"), "Harlow Corporation");
	assert_speaker(quote(a, "The market has changed"), "Harlow Corporation");
	article_free(a);
}

/* "She gave me the address of her sister, Patricia Lowe. “…,” she said": the pronoun held the subject. */
static void pronoun_holds_the_subject(void **state)
{
	(void)state;
	struct article *a = analyse("Family feud\n\nMary Lowe lives in a small town in Ohio. She gave me an address for "
	                            "her sister, Patricia Lowe. \xE2\x80\x9C" "I cannot believe she would refuse," "\xE2\x80\x9D"
	                            " she said.\n");
	assert_speaker(quote(a, "I cannot believe"), "Mary Lowe");
	article_free(a);
	/* "I thought of Patricia Lowe": with the writer as subject, the person named is who "she" means next */
	a = analyse("Family feud\n\nMary Lowe lives in a small town in Ohio.\n\n"
	            "When the deal was struck, I immediately thought of Patricia Lowe.\n\n"
	            "\xE2\x80\x9C" "I have no words for it," "\xE2\x80\x9D" " she replied in an email.\n");
	assert_speaker(quote(a, "I have no words"), "Patricia Lowe");
	article_free(a);
}

/* "Mary Lowe, the sister of Paul Lowe, has reportedly told friends": the name before the appositive speaks. */
static void appositive_before_auxiliaries(void **state)
{
	(void)state;
	struct article *a = analyse("Interview aired\n\nMary Lowe, the elder sister of the heir to the estate, Paul Lowe, has "
	                            "reportedly told friends that the interview was a \xE2\x80\x9C" "great success" "\xE2\x80\x9D" ".\n");
	assert_speaker(quote(a, "great success"), "Mary Lowe");
	article_free(a);
}

/* "what has been portrayed as an outside or “irregular” channel": a passive verb with no agent names no speaker. */
static void passive_naming_has_no_speaker(void **state)
{
	(void)state;
	struct article *a = analyse("Envoy testifies\n\nPaul Lowe disputed that he took part in what has been portrayed "
	                            "as an outside or \xE2\x80\x9C" "irregular" "\xE2\x80\x9D" " channel.\n\n"
	                            "Mary Lowe disputed that she took part in what was described by Paul Lowe as a reckless or "
	                            "\xE2\x80\x9C" "rogue" "\xE2\x80\x9D" " effort.\n");
	assert_speaker(quote(a, "irregular"), NULL);
	assert_speaker(quote(a, "rogue"), "Paul Lowe");
	article_free(a);
}

/* "The couple hired Paul Lowe as a “games consultant”": a common noun opening the sentence is its subject. */
static void common_noun_subject(void **state)
{
	(void)state;
	struct article *a = analyse("Old friends\n\nThe couple hired Paul Lowe to work as a \xE2\x80\x9C" "games consultant"
	                            "\xE2\x80\x9D" " for their company.\n\n"
	                            "The former senator Mary Lowe has been attacking the plan as a \xE2\x80\x9C" "giveaway to the rich"
	                            "\xE2\x80\x9D" ".\n");
	assert_speaker(quote(a, "games consultant"), NULL);
	assert_speaker(quote(a, "giveaway to the rich"), "Mary Lowe");
	article_free(a);
}

/* "Harlow Corporation sued the Lantern Foundation. “…,” it said": a verb's object is not what "it" means. */
static void organisation_as_object_is_not_it(void **state)
{
	(void)state;
	struct article *a = analyse("Lawsuit filed\n\nHarlow Corporation sued the Lantern Foundation on Monday.\n\n"
	                            "\xE2\x80\x9C" "We expect to win this case," "\xE2\x80\x9D" " it said.\n");
	assert_speaker(quote(a, "We expect to win"), "Harlow Corporation");
	article_free(a);
}

/* "As X, a long appositive, recently put it, “…”": the nearest "as" before "put it" names the speaker. */
static void as_someone_put_it_far(void **state)
{
	(void)state;
	struct article *a = analyse("Tax returns\n\nAs Mary Lowe, a tax lawyer and senior fellow at a research institute in "
	                            "the capital, recently put it, \xE2\x80\x9C" "Did he lower his taxes legally or not?"
	                            "\xE2\x80\x9D\n\n"
	                            "Paul Lowe worked as a surgeon at the Harlow Clinic, but as The New Yorker put it, he is "
	                            "\xE2\x80\x9C" "the operator of the decade." "\xE2\x80\x9D\n");
	assert_speaker(quote(a, "Did he lower"), "Mary Lowe");
	assert_speaker(quote(a, "the operator"), "The New Yorker");
	article_free(a);
}

/* "The group announced that Harlow Corporation had …": a body as subject holds against one named in its clause. */
static void the_group_holds_its_sentence(void **state)
{
	(void)state;
	struct article *a = analyse("Workers organise\n\nThe group, the Lantern Foundation, sent a letter to management.\n\n"
	                            "The group announced that Harlow Corporation had reached a deal with the union.\n\n"
	                            "However, the group raised alarm at the terms, saying workers were told by Harlow Corporation "
	                            "to sign by Monday.\n\n"
	                            "In a separate post, the group added that the firm was \xE2\x80\x9C" "not keeping its promise to staff."
	                            "\xE2\x80\x9D\n");
	assert_speaker(quote(a, "not keeping its promise"), "Lantern Foundation");
	article_free(a);
}

/* "Democrats said": a body's name as the article writes it, not a canonical form it never uses. */
static void speaker_named_as_written(void **state)
{
	(void)state;
	struct article *a = analyse("Hearing ends\n\nDemocrats said the report was \xE2\x80\x9C" "partial and misleading"
	                            "\xE2\x80\x9D" " on Friday.\n");
	const struct quote *q = quote(a, "partial and misleading");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Democrats");
	article_free(a);
	a = analyse("Hearing ends\n\nThe Democratic Party said the report was \xE2\x80\x9C" "partial and misleading"
	            "\xE2\x80\x9D" " on Friday. Democrats will appeal.\n");
	assert_speaker(quote(a, "partial and misleading"), "Democratic Party");
	article_free(a);
}

/* "“…” -- one question that has emerged": a reporting word after "one" is a noun, not the quotation's verb. */
static void noun_after_one_is_no_cue(void **state)
{
	(void)state;
	struct article *a = analyse("Tax fight\n\nGiven the efforts to collect, which the chief executive, Paul Lowe, called "
	                            "\xE2\x80\x9C" "total political nonsense" "\xE2\x80\x9D" " -- one question that has emerged "
	                            "is whether firms will bring money home.\n");
	assert_speaker(quote(a, "total political nonsense"), "Paul Lowe");
	article_free(a);
}

/* "including the former candidate Mary Lowe -- “…” --": the person right before the dash said it; not "of Mr. Lowe --". */
static void name_before_a_dash(void **state)
{
	(void)state;
	struct article *a = analyse("Tax returns\n\nA chorus of prominent Republicans has said the same thing, including the former "
	                            "presidential candidate Mary Lowe -- \xE2\x80\x9C" "It is disqualifying to hide the returns"
	                            "\xE2\x80\x9D" " -- and a former commissioner.\n\n"
	                            "Tom Ridley said that Paul Lowe has recently seemed supportive of Mr. Harlow -- "
	                            "\xE2\x80\x9C" "a completely different man to me" "\xE2\x80\x9D" ".\n");
	assert_speaker(quote(a, "It is disqualifying"), "Mary Lowe");
	assert_speaker(quote(a, "a completely different man"), "Tom Ridley");
	article_free(a);
}

/* "Harlow Press checked Mary Lowe's claim that there were “thousands of cases”": a possessed word is a noun. */
static void possessed_word_is_a_noun(void **state)
{
	(void)state;
	struct article *a = analyse("Fact check\n\nHarlow Corporation seized on Mary Lowe\xE2\x80\x99s claim that there have "
	                            "been \xE2\x80\x9C" "thousands of cases" "\xE2\x80\x9D" " in the city this year.\n");
	assert_speaker(quote(a, "thousands of cases"), "Mary Lowe");
	article_free(a);
}

/* "the campaign “Starts with one.”", "the “Meth. We’re on it” campaign": a campaign's name, said by nobody. */
static void campaign_names_are_mentions(void **state)
{
	(void)state;
	struct article *a = analyse("Ads backfire\n\nMary Lowe runs the firm behind the prevention campaign "
	                            "\xE2\x80\x9C" "Starts with one." "\xE2\x80\x9D\n\n"
	                            "Mary Lowe said the \xE2\x80\x9C" "Pills. We are on it" "\xE2\x80\x9D" " campaign was a mistake.\n\n"
	                            "Mary Lowe said she expects the campaign \xE2\x80\x9C" "to go on for a year at least." "\xE2\x80\x9D\n");
	assert_speaker(quote(a, "Starts with one"), NULL);
	assert_speaker(quote(a, "Pills. We are on it"), NULL);
	assert_speaker(quote(a, "to go on for a year"), "Mary Lowe");
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(office_of_a_body_is_not_an_anaphor),
		cmocka_unit_test(name_inside_a_phrase_is_not_the_subject),
		cmocka_unit_test(clause_after_a_preposition_has_its_subject),
		cmocka_unit_test(next_paragraph_points_back),
		cmocka_unit_test(directive_from_a_name),
		cmocka_unit_test(place_speaks_only_as_subject),
		cmocka_unit_test(one_word_after_the_is_a_mention),
		cmocka_unit_test(they_after_an_unknown_subject),
		cmocka_unit_test(it_reaches_back_one_paragraph),
		cmocka_unit_test(pronoun_holds_the_subject),
		cmocka_unit_test(appositive_before_auxiliaries),
		cmocka_unit_test(passive_naming_has_no_speaker),
		cmocka_unit_test(common_noun_subject),
		cmocka_unit_test(organisation_as_object_is_not_it),
		cmocka_unit_test(as_someone_put_it_far),
		cmocka_unit_test(the_group_holds_its_sentence),
		cmocka_unit_test(speaker_named_as_written),
		cmocka_unit_test(noun_after_one_is_no_cue),
		cmocka_unit_test(name_before_a_dash),
		cmocka_unit_test(possessed_word_is_a_noun),
		cmocka_unit_test(campaign_names_are_mentions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
