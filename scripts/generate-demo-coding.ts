/**
 * Writes the demo project's coding files (demo/.grounded/coding/**) from the plan below.
 * Run with `npx tsx scripts/generate-demo-coding.ts`. The output is deterministic: segment ids are
 * derived from transcript, coder and phrase, so running it again reproduces the same files.
 *
 * Each plan line is `coder | codes (by name, separated by ;) | exact phrase | optional comment`,
 * under a `# <transcript path>` line. A phrase must occur exactly once in its transcript. The coder
 * `both` stands for one line per coder: the same passage, coded the same way by each of them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeFilePath, parseCodeFile, serializeCodeFile } from '../src/core/storage/format';

const PLAN = `
# interviews/p01-amara.md
dana | Barriers | When I finally left, I didn't know that there was anything like this centre. I thought, if you are not from here, there is nothing for you.
dana | Agency and control | I just thought, I am a person. I took my bag and I walked out while they were having lunch.
dana | Peer support | She was the one who said, go to the drop-in, they don't ask for papers at the door.
dana | Agency and control | My employer had my passport, she always said it was "for safekeeping".
dana | Fear of authorities; Mistrust | So when somebody says "services", in my head I hear "police", I hear "immigration". It's the same door for me.
dana | Trusted professionals | She took me in and made me tea and she didn't ask me anything for maybe half an hour.
dana | Trusted professionals; Agency and control | When you have been controlled for a long time, somebody waiting for you is, um, it's a big thing.
dana | Practical help | A phone, a proper phone with my own number
dana | Bureaucracy | So many forms, and every form asks the same questions in a different way.
dana | Mistrust | And then you feel like they think you are lying because you can't say the date. | Not being believed: coded as Mistrust for now; discuss whether it needs a code of its own.
dana | Bureaucracy; Agency and control | That waiting, it's its own kind of, um, prison is too strong. But a waiting room. You live in a waiting room.
dana | Housing insecurity | The first night I just locked and unlocked the door, many times.
dana | Peer support | I don't have to prove anything in that room.
dana | Bureaucracy | Every time a new person, I tell the whole story again from the beginning.
dana | Language | It's not a crime to write simple.
dana | Work and self-worth | I know what I'm worth now. Before, I didn't.
dana | Hope; Peer support | I can sit with her and make the tea. Like Joy did for me. That gives me hope. That it goes around.
sam | Barriers | I thought, if you are not from here, there is nothing for you. You are on your own.
sam | Shame | The lady shouted at me in front of her friends.
sam | Fear of authorities | And she told me many times that if I went to anybody official they would put me on a plane the same day.
sam | Fear of authorities | It's the same door for me.
sam | Trusted professionals | The second time a volunteer was outside smoking and she said hello, like it was normal, like I was normal.
sam | Mistrust | Because everybody before wanted something from me.
sam | Practical help | Food vouchers. A warm coat, finally.
sam | Trusted professionals; Bureaucracy | she helped me with the forms for the national referral
sam | Agency and control; Mistrust | It felt like being back in the kitchen, with somebody deciding if I am good enough.
sam | Bureaucracy | Eleven months of checking the post every day.
sam | Housing insecurity | I had to take two buses to come to the group on Thursdays.
sam | Peer support | When I say to them, my employer said this and this, nobody asks me "are you sure?".
sam | Trusted professionals | Maybe, one person. One person who stays.
sam | Language; Bureaucracy | the letters from the Home Office, even my English teacher couldn't understand them
sam | Hope; Work and self-worth | I want to work in a care home, with old people.
sam | Trusted professionals | Just be there when she comes back.
sam | Trusted professionals | She took me in and made me tea
sam | Peer support | I don't have to prove anything in that room.
sam | Bureaucracy | every form asks the same questions in a different way
sam | Work and self-worth | I know what I'm worth now.

# interviews/p02-tomasz.md
dana | Agency and control | Everything included, and then everything taken out of the wage.
dana | Agency and control | The debt was like — how do you say — like water in a boat.
dana | Housing insecurity | Eleven men in one house. Three bedrooms. Mattresses on the floor.
dana | Peer support | some of the men there were very good friends to me
dana | Shame | In my head a man who is in this situation is stupid. I was ashamed. I didn't want my brother at home to know.
dana | Shame; Agency and control | It took me a long time to understand it wasn't my mistake.
dana | Hope; Agency and control | I kept the card in my sock for two weeks.
dana | Language; Trusted professionals | Hearing my language from somebody who is on my side.
dana | Mistrust; Hope | Maybe sixty percent. But sixty was enough.
dana | Fear of authorities | My whole body said run.
dana | Bureaucracy | So I need a document to get a document.
dana | Trusted professionals | With her there, different face, different voice. Suddenly it's possible.
dana | Housing insecurity; Agency and control | That was a big moment, to sign my name.
dana | Work and self-worth | I'm proud of what I can do with my hands.
dana | Trusted professionals | You have to hear the bigger thing behind the small question.
sam | Agency and control | He said, this is the debt for the ticket, you pay it back and then it's better.
sam | Housing insecurity | Mattresses on the floor. It was, uh, it was not a good place.
sam | Peer support; Hope | we will get out, we will get out, like a song
sam | Language; Agency and control | the boss has my ID card "for the payroll", my English at that time was maybe fifty words
sam | Shame | And I'm a man, you know? Forty years old.
sam | Shame | Somebody made a plan, and I walked into the plan. That's different.
sam | Practical help | she gave me a little card, with a number
sam | Language | the first person didn't speak Polish, and I almost put the phone down
sam | Fear of authorities; Mistrust | He said nobody will arrest you for this. At the time I didn't believe him one hundred percent.
sam | Fear of authorities | police is not your friend
sam | Bureaucracy | So many organisations. The charity, the council, the job centre, the solicitor.
sam | Practical help; Trusted professionals | She had a big folder for me, with everything, all copies, colours, very organised.
sam | Language; Mistrust | When I am alone, they see a foreign worker with bad English.
sam | Work and self-worth; Mistrust | I check every payslip very carefully. | Checking every payslip: a habit left by years of wage theft.
sam | Peer support | But it's good to have someone who knows without explaining.
sam | Trusted professionals; Fear of authorities | Let the first door be somebody with tea.
sam | Agency and control; Hope | But now I can choose, and before I couldn't choose anything.
sam | Shame | I was ashamed.
sam | Bureaucracy | So I need a document to get a document.
sam | Work and self-worth | I'm proud of what I can do with my hands.
sam | Fear of authorities | My whole body said run.

# interviews/p03-lucia.md
dana | Housing insecurity | Six of us in a caravan for four.
dana | Peer support | But the women in my caravan, we became like a family.
dana | Agency and control | It's not a job. It's a trap with a job inside.
dana | Fear of authorities | And I was scared of the police because the manager said, your visa is connected to us
dana | Mistrust | Nobody tells you what is true.
dana | Language; Practical help | She gave us leaflets in Spanish, in Bulgarian, in Romanian.
dana | Language | But when you read it in your own language, written by someone who is not the boss, suddenly the world is different.
dana | Trusted professionals; Shame | She said, you did nothing wrong. Three times she said it.
dana | Mistrust | Some people, um, they look at you like a number.
dana | Bureaucracy | Each office sends you to the other office.
dana | Language; Mistrust | My story didn't change. My English changed. | Strong quote for the findings: language difficulty read as inconsistency.
dana | Peer support; Agency and control | I tell new people, your English is not your story.
dana | Shame | I didn't want her to feel guilty, because the money was for her.
dana | Hope | I want to be an interpreter, for the courts, for the hospitals.
dana | Peer support | Nobody from outside could do that step for us.
sam | Mistrust | The agency in my country was very professional, with a website, a nice office.
sam | Peer support | she knew everything — which supervisor was okay, which one you avoid
sam | Agency and control | if you go you pay the agency fee, two thousand pounds
sam | Fear of authorities | your visa is connected to us, if you make problems, the visa finishes and you are illegal
sam | Trusted professionals | A woman from there came to the supermarket car park on a Sunday, pretending to be shopping.
sam | Peer support; Hope | We read them with a torch like teenagers.
sam | Agency and control | That the fee was illegal. That they cannot take your passport. That you can change employer.
sam | Bureaucracy; Housing insecurity | They said I'm not eligible, I need a form from the Home Office, the Home Office said I need a letter from the housing.
sam | Hope | She said, you are the brave one in the family.
sam | Work and self-worth | I'm working in a hotel, in the laundry, with a real contract.
sam | Trusted professionals | Go to the supermarket car park on Sunday.
sam | Mistrust; Trusted professionals | It costs nothing to believe someone.
sam | Housing insecurity | Six of us in a caravan for four. Cold at night, even in June.
sam | Bureaucracy | Each office sends you to the other office.
sam | Language | My story didn't change. My English changed.
sam | Peer support | Nobody from outside could do that step for us.

# interviews/p04-kwame.md
dana | Agency and control | Seven days, twelve hours, standing in water.
dana | Housing insecurity | I lived in a room above the shop with four other guys.
dana | Shame | I thought I was just unlucky.
dana | Shame | I told my mother on the phone I was working in a garage, a mechanic.
dana | Fear of authorities | I thought, that's it, I'm finished, they'll send me back with nothing
dana | Trusted professionals | She sat on the floor with us — on the floor, in her good trousers.
dana | Mistrust | I thought she was a trick, to make us talk.
dana | Trusted professionals | After maybe ten small promises, I started to believe the big one.
dana | Peer support; Hope | I'm proof that it ends.
dana | Fear of authorities | So the fear isn't crazy. It's information.
dana | Housing insecurity | You can't heal in a hostel with forty guys shouting all night.
dana | Work and self-worth; Bureaucracy | For a man who defines himself by work, that's — you're taking the last thing he has.
dana | Peer support | Only we can make those jokes.
dana | Work and self-worth | Work is dignity.
sam | Agency and control | The owner kept my passport and paid us in cash when he felt like it.
sam | Shame | She was proud. I couldn't tell her I was washing cars for nothing.
sam | Fear of authorities; Mistrust | I gave them a fake name.
sam | Shame | Victim? Me? I'm a grown man.
sam | Trusted professionals | Trust is like that. You build it with bricks, not in one day.
sam | Peer support; Practical help | I go with them to appointments, I explain what the letters mean
sam | Peer support | Professionals can say "it will be okay". I can show it.
sam | Mistrust | Some guys think I'm working for the police
sam | Fear of authorities | Everything comes back to that.
sam | Housing insecurity | I've seen men go back to exploiters because the exploiter at least gave them a bed.
sam | Bureaucracy | One of my guys waited fourteen months for his decision.
sam | Peer support | there's a peer group for us mentors, we meet every two weeks
sam | Work and self-worth | It's just what he's owed.
sam | Work and self-worth; Bureaucracy | Let people work while they wait.
sam | Shame; Hope | Properly proud, of the true thing.
sam | Shame | I told my mother on the phone I was working in a garage
sam | Housing insecurity | You can't heal in a hostel
sam | Peer support | I'm proof that it ends.
sam | Work and self-worth; Agency and control | Work is dignity. Work is how you stop being a victim and start being a person again.

# interviews/p05-mei.md
dana | Agency and control | After six years I still owed him. Every year the number was bigger, never smaller.
dana | Housing insecurity | Above the restaurant, in the storage room. With the rice bags and the oil.
dana | Agency and control | On the day the restaurant was closed, I cleaned the restaurant.
dana | Language | The English world was like a television with no sound.
dana | Trusted professionals; Language | Nobody had asked me a real question for six years.
dana | Practical help | She wrote it inside the box for my medicine.
dana | Fear of authorities | they will put you in prison because your visa is finished a long time ago
dana | Emotions | So I was afraid for my son more than for myself.
dana | Language | A woman answered in Mandarin. That was the first good thing.
dana | Agency and control; Trusted professionals | she said, you decide, and you can take your time
dana | Practical help; Language | with a drawing, a diagram, like a map
dana | Language; Bureaucracy | The inconsistencies were the interpreter!
dana | Trusted professionals | The lawyer asked for a second interview, with a person in the room, a woman.
dana | Peer support | But I know they know. It's enough.
dana | Hope | For the first time, I have a future to feel about.
dana | Barriers | Quiet is not the same as okay.

# interviews/p06-renee.md
both | Personal resilience | I made myself the most qualified person in every room
both | Storytelling on demand | For the first years, every invitation I got was to tell my story.
both | Storytelling on demand; Tokenism | "Would you share your story with our donors?"
both | Pay and compensation | and then they gave me a bouquet and a gift card for a coffee shop
both | Pay and compensation | The keynote speaker, a professor who had written a book about us, was paid five thousand.
both | Pay and compensation; Agency and control | I wrote a fee schedule.
both | Validation | That was the first time my history counted as knowledge and not as a wound.
both | Invalidation | you invited me to the table and then you talked to the chair next to me
both | Burnout | I go for a run. I see a therapist every Tuesday
both | Invalidation | Thanking me for my bravery is the most polite way there is of not listening.
both | Tokenism | People like to put me on a poster: look, she made it.
dana | Personal resilience | Stubbornness.
dana | Personal resilience | Nobody handed me anything.
dana | Invalidation; Storytelling on demand | Never "would you come and talk about our data" or "our budget". Just the story.
dana | Storytelling on demand; Pay and compensation | That was the night I stopped telling it for free.
dana | Pay and compensation; Invalidation | "We thought you'd want to give back."
dana | Validation | my board hired me over two candidates with longer CVs
dana | Invalidation; Being doubted | a programme officer asked my deputy, who's a white man with a law degree, to "explain the numbers", while I was the one who built the spreadsheet.
dana | Being doubted; Personal resilience | If I'm going to be doubted, I want to be doubted by someone who's wrong and can see they're wrong.
dana | Pay and compensation | There's an advisory group of survivors, paid, eighty dollars an hour
dana | Personal resilience | I make the decisions, I carry the responsibility. | Explicitly sets herself against shared leadership; compare P07 and P08.
dana | Burnout | for a second I'm there
dana | Pay and compensation; Tokenism | Pay them. First.
dana | Tokenism | Ask them to lead a section, not to decorate it.
dana | Criminalisation | a night school that didn't ask about my record
sam | Personal resilience | I went back to school at thirty, I did a degree at night, then a master's.
sam | Tokenism; Storytelling on demand | I stood at a podium in a borrowed dress and told four hundred people in evening clothes the worst year of my life
sam | Agency and control | I am giving back. I'm giving you twenty years of expertise. This is what it costs.
sam | Validation | the chair told me it was because I understood the helpline callers in a way nobody else did
sam | Being doubted | a programme officer asked my deputy
sam | Personal resilience; Burnout | I prepare. I over-prepare. | Over-preparing as a defence against being doubted: resilience, or its cost? Coded as both for now.
sam | Shared leadership | it's not a shared leadership model | A negative case for Shared leadership.
sam | Burnout; Shame | I pay for her myself, because I don't want the organisation to know.
sam | Storytelling on demand | Then don't ask for the story unless the story is the point.
sam | Invalidation | don't thank them for their bravery and move on
sam | Personal resilience | But I made it with a lot of luck
sam | Tokenism | I don't want my story used to say the system works.

# interviews/p07-marcus.md
both | Housing insecurity | I slept in my car for most of a year when I was nineteen, after my family found out I was gay.
both | Mentoring | Bea sat with me every Friday for two years, just talking through the week.
both | Mentoring | She taught me that the kids don't need a hero, they need somebody who shows up on Tuesday.
both | Collective care | We go round the table, everybody says how they're actually doing, not how the caseload's doing.
both | Collective care | We don't let anybody carry a bad night alone.
both | Shared leadership | We have a residents' council. Four young people, elected by the others, and they sit in on hiring.
both | Pay and compensation | for about four dollars an hour less
both | Invalidation | They wanted my relationship with the kid, but not my opinion about the kid.
both | Pay and compensation; Validation | The lived experience is part of the qualification, not a discount on it.
both | Collective care | Nobody had to be strong alone.
both | Burnout | I've had two staff leave in a year.
both | Tokenism | They want a picture with me and the mayor.
both | Mentoring; Shared leadership | If you want more of us in leadership, build the bench.
dana | Mentoring | She noticed I always fixed the broken chairs, and one day she said, "You want to get paid for that?"
dana | Collective care | Somebody covers their shift. Somebody brings food.
dana | Shared leadership | They asked harder questions than the board.
dana | Burnout; Shared leadership | One girl asked me, "What will you do when you're tired of us?"
dana | Shared leadership | We rotate who runs the Thursday group so it's never one person's thing.
dana | Validation | When I became manager I merged the bands.
dana | Burnout | Last winter we lost a young man we'd housed for six months.
dana | Burnout | People who come from where the kids come from, they give everything, because they see themselves.
dana | Burnout | And then I answer emails at midnight myself.
dana | Invalidation | But when we ask for a seat on the housing committee, suddenly it's "we'll be in touch".
dana | Shared leadership | I didn't make it. Bea made it, the kids made it, my team made it.
dana | Pay and compensation; Mentoring | Mentor the kids who are fixing chairs. Pay them.
sam | Housing insecurity | I was one of those kids.
sam | Mentoring | She's the reason I know how to do this job.
sam | Collective care; Shared leadership | That's the culture we built, the whole team, and I protect it.
sam | Shared leadership | They interviewed me for this job, actually.
sam | Pay and compensation | The "peer" title is complicated.
sam | Pay and compensation | But peer workers were on a different pay band.
sam | Invalidation | when there was a case conference, the peer worker wasn't invited
sam | Pay and compensation; Agency and control | Everybody who does night shifts is paid the same now.
sam | Collective care; Peer support | We closed the drop-in for one night and we all sat together, staff and residents, and talked about him.
sam | Burnout | I tell new hires, take your lunch break, take your leave, it's not a test.
sam | Tokenism | "Formerly homeless youth now runs housing."
sam | Shared leadership | That it's not about one person making it.

# interviews/p08-dee.md
both | Shared leadership | Two co-directors, me and Nadia, and a members' assembly that meets every month.
both | Shared leadership | The members are the boss, honestly.
both | Criminalisation | I was arrested four times.
both | Peer support; Community organising | a woman from the collective was outside the station at three in the morning with a flask of tea and the number of a lawyer
both | Criminalisation | the arrest is a night and the record is a life
both | Criminalisation; Housing insecurity | I applied to rent a flat, same.
both | Shared leadership | Decisions go to the assembly.
both | Community organising | We organised in forty-eight hours.
both | Criminalisation | announced as rescues
both | Being doubted | One councillor asked whether we were "really" sex workers or students pretending.
both | Being doubted | Another asked who was "behind" us, like we couldn't organise ourselves.
both | Tokenism; Storytelling on demand | They wanted me to talk about the worst client I ever had.
both | Collective care | We have a hardship fund that any member can draw on, no questions, and the co-directors can't veto it.
both | Burnout | There are weeks I think about leaving.
dana | Community organising | we run a mutual aid fund and a legal observer line
dana | Mentoring; Hope | I thought, I want to be that person for somebody.
dana | Criminalisation | I applied for a job in a care home once and the background check came back and that was that.
dana | Criminalisation; Mistrust | It made me poorer and it made me easier to hurt.
dana | Shared leadership; Agency and control | Everything I've seen of power is one person deciding about you.
dana | Community organising | We filled the council meeting the week after — sixty members, most of them masked.
dana | Being doubted | When I speak to a committee I have to prove I'm who I say I am and also that I'm not who they think I am.
dana | Tokenism | One seat, ten minutes, no vote.
dana | Collective care | Every assembly starts with a check-in and a meal.
dana | Pay and compensation; Burnout | the collective pays both co-directors half-time and we're both working full-time
dana | Invalidation | it has to come with power, or it's just a nicer way of being ignored
sam | Criminalisation | Through arrests, mostly.
sam | Criminalisation | So when people tell me the law is there to protect us, I say, show me.
sam | Shared leadership | If Nadia and I disagree, we take it to the members.
sam | Shared leadership | nobody gets left out of a decision about their own life, and that's the point of us
sam | Community organising | Translators, legal observers, a phone tree, people to collect the women's belongings from the premises.
sam | Community organising | It's not a press release, it's sixty people who showed up for each other.
sam | Criminalisation; Being doubted | you're either a victim who needs rescuing or a criminal, and if you're organised and articulate, you must be a front for somebody
sam | Agency and control; Storytelling on demand | I said, I'll come and talk about policy, or I won't come.
sam | Collective care | When someone's been arrested or attacked, three people call them in the week after.
sam | Collective care | It's not charity. It's the same money going round.
sam | Mentoring; Hope | Then a new member comes to her first assembly

# interviews/p09-priya.md
both | Storytelling on demand; Tokenism | "Do you have a survivor who could speak at our event?" Not an expert. A survivor.
both | Pay and compensation | "we were hoping for a voluntary contribution", or a voucher
both | Storytelling on demand | describe "the moment I realised I was trafficked"
both | Invalidation; Storytelling on demand | "Priya was rescued in a raid." I wasn't.
both | Agency and control; Storytelling on demand | Now I decide which parts are public
both | Being doubted | I was told I "lacked professional distance".
both | Personal resilience | I knew what I had to do and I did it.
both | Validation; Pay and compensation | she agreed, and she found the money
both | Validation | I felt like a colleague, not a case.
both | Invalidation | "and how long have you been out of the situation?"
both | Personal resilience | if I don't advocate for myself, nobody will do it for me
both | Burnout | My doctor called it burnout.
both | Personal resilience | I'm the one responsible for my own limits.
dana | Tokenism | In practice, I spend a lot of my time protecting them from the people who invite them.
dana | Pay and compensation; Agency and control | I say no to maybe half of them now.
dana | Tokenism | because I thought visibility was progress
dana | Agency and control | I walked out on my own and found the helpline myself.
dana | Tokenism | But "rescued" made a better slide.
dana | Personal resilience | So I did a postgraduate certificate, I took every training going, and I applied again two years later.
dana | Being doubted | Nobody asks my colleague how long since her divorce.
dana | Agency and control | "I'm here as a programme manager today."
dana | Burnout; Shame | I called it being lazy, at first.
dana | Burnout | The organisation has a wellbeing policy but it's a leaflet.
dana | Storytelling on demand | Stop asking for the story. Ask for the analysis.
dana | Pay and compensation | if you're going to pay a professor, pay us the same
sam | Pay and compensation | And when I ask what the fee is, there's a pause.
sam | Tokenism | Nine years ago I was the survivor on the panel.
sam | Invalidation | As if there is one moment.
sam | Storytelling on demand; Agency and control | That's a small thing, but it's how I took my story back.
sam | Being doubted | They gave it to someone with a social work degree.
sam | Personal resilience; Validation | I'm quite proud of that, actually.
sam | Pay and compensation | our survivor advisors should be paid the same day rate as external consultants
sam | Invalidation | But I still get the small things.
sam | Burnout | some weeks it's too much
sam | Personal resilience | I paid for a leadership coach myself.
sam | Storytelling on demand | Stop asking for the story.
sam | Validation | We have it.

# interviews/p10-tyrone.md
both | Mentoring; Peer support | a mentoring network of about sixty adults who were homeless as young people themselves
both | Mentoring | It was a man called Mr Abel who ran the boxing gym.
both | Mentoring | Somebody who expects them back on Monday.
both | Shared leadership | We have a leadership circle — me, two staff, and three young people who've been through the houses.
both | Shared leadership | They have a real vote on the budget.
both | Shared leadership | If you lead a community, the community has to be able to tell you you're wrong.
both | Collective care | We eat together on Wednesdays, everybody, staff and kids.
both | Burnout | About ten years in, I collapsed.
both | Collective care; Shared leadership | The circle sat me down and said, you're going on leave for two months, and we'll run it.
both | Being doubted | asked to speak to "the director", and I said you're speaking to him, and he looked around for somebody else
both | Tokenism; Pay and compensation | The awards are for my story. The contracts are for the work.
both | Mentoring | Three of our house managers were residents.
dana | Housing insecurity | Six cots and a kettle.
dana | Shared leadership | Not the houses. The people.
dana | Housing insecurity; Trusted professionals | He let me sleep in the back office when it was cold, and he made me do my homework at his desk.
dana | Mentoring | So every young person who comes to us gets a mentor who's been where they are.
dana | Shared leadership | They were right. [laughs] I was wrong.
dana | Collective care | Anybody who's had a hard week says so, and we pass it round the table.
dana | Collective care; Burnout | We pay for therapy for any staff member who wants it
dana | Burnout | half of us are carrying our own history into the building every morning
dana | Burnout | I thought if I stopped, the whole thing stopped.
dana | Being doubted | Early on, nobody took me seriously. I didn't have a degree.
dana | Validation; Tokenism | Now they give me awards.
dana | Collective care | Find your people, and let them carry some of it.
dana | Mentoring | And bring somebody up behind you.
sam | Mentoring | He never once asked me what happened at home.
sam | Shared leadership | I founded it, but I don't run it alone.
sam | Shared leadership | the young people voted to spend money on a washing machine instead of a new van
sam | Collective care | We pay for therapy for any staff member who wants it, no questions, because half of us are carrying our own history into the building every morning.
sam | Burnout | Exhaustion, high blood pressure, the doctor said stress.
sam | Burnout | I'd been the founder, the fundraiser, the night cover, the plumber.
sam | Shared leadership | It was better when I came back.
sam | Being doubted | I think my face and my history didn't match what they thought a director looks like.
sam | Pay and compensation | But I'd trade the plaque for a three-year contract instead of a one-year one.
sam | Tokenism | They're happy to clap for the first and slow to pay for the second.
sam | Collective care; Shared leadership | Don't do it alone.
sam | Mentoring | Every young person who comes through our door is a future staff member, if we do our job.

# interviews/p11-celeste.md
both | Criminalisation | I was arrested for "loitering" so many times I could recite the statute.
both | Criminalisation | Carrying condoms was used as evidence against me.
both | Personal resilience | By deciding to. Nobody invited me.
both | Personal resilience | I taught myself to write a policy brief from library books.
both | Personal resilience | I'm a believer in doing the work yourself.
both | Shared leadership | A lot of my comrades want everything decided by the whole community.
both | Personal resilience | I've built my own credibility one hearing at a time, and I don't apologise for it.
both | Being doubted | a senator asked me if I had "any credentials"
both | Being doubted | Another one asked if I'd been "coached".
both | Validation | Asked my opinion, on the phone, as an expert.
both | Criminalisation | I had a job offer from a state agency withdrawn after the background check
both | Pay and compensation | I was paid as a "peer", fourteen dollars an hour, with no health insurance
both | Tokenism | My face was on the donor video. My pay wasn't in the donor budget.
both | Personal resilience; Burnout | Nobody else is responsible for my stamina.
dana | Criminalisation | which is where I learned most of what I know about law
dana | Criminalisation | The thing keeping me safe was the proof of the crime.
dana | Personal resilience | I went to every public hearing for two years, I read every bill, I learned how a committee works.
dana | Personal resilience | I know that's not very fashionable in our movement.
dana | Being doubted | Like a trans woman from the street couldn't possibly have written her own testimony.
dana | Validation | Twelve years for one phone call. But it counted.
dana | Criminalisation | I can't be a foster parent.
dana | Pay and compensation | So I'm stuck working for non-profits, which pay what non-profits pay.
dana | Burnout | I don't read the comments. I take Sundays completely off.
dana | Peer support; Collective care | I have my girls, my chosen family | Chosen family as collective care outside work, even in an account of doing it alone. Sam coded Peer support only.
dana | Being doubted; Invalidation | stop asking whether we're "ready"
sam | Personal resilience | My mentors were dead legislators, basically.
sam | Shared leadership; Personal resilience | But in a hearing room you have eleven minutes and somebody has to speak.
sam | Being doubted; Personal resilience | I said, senator, I wrote it last night at my kitchen table, and I'll send you my footnotes.
sam | Validation | Last session the committee chair called me before the hearing to ask what I thought of an amendment.
sam | Criminalisation | Every day. I can't be a foster parent.
sam | Criminalisation | about the very laws that gave me the record
sam | Pay and compensation; Tokenism | while the nurse on the same van had both
sam | Tokenism | when the organisation made a video for donors, guess whose face was on it
sam | Peer support | I have my girls, my chosen family
sam | Personal resilience | But mostly I'm the one who has to keep myself going.
sam | Validation; Agency and control | We were ready the first time we survived a night in a cell.

# interviews/p12-hannah.md
both | Validation | I'm good at it. I know what the witness room smells like, you know?
both | Pay and compensation | I'm on the lowest pay band, lower than the admin.
both | Invalidation | I'm not allowed to write in the case notes
both | Invalidation | the official record is someone else's words
both | Being doubted | Like I'm the best person to understand and the last person to be believed.
both | Being doubted | When I said a client wasn't ready for an interview, the caseworker overruled me.
both | Invalidation | Instinct. Not judgement. Instinct.
both | Storytelling on demand | It's half the reason they hired me, I think.
both | Storytelling on demand; Tokenism | Every funder visit, I'm wheeled out.
both | Storytelling on demand | they used my story, with a photo of my hands, without really asking
both | Pay and compensation; Agency and control | I want to be paid for it like a consultant
both | Personal resilience | I'd never let anyone decide for me again
both | Burnout | Some nights I'm so tired I cry on the bus.
both | Validation | thanked me by name for how I'd supported the witness
dana | Peer support | The solicitors can't tell them that, because they've never sat there.
dana | Tokenism | As a nice extra.
dana | Storytelling on demand | "Hannah, would you tell them a bit about your journey?"
dana | Storytelling on demand; Shame | I felt like I was being sold.
dana | Agency and control | I wrote an email, very carefully, three drafts.
dana | Personal resilience | I'm doing a part-time law degree now, evenings.
dana | Personal resilience | I don't wait for them to change.
dana | Burnout | you hear your own story in her mouth
dana | Burnout; Collective care | I don't really have anyone at work I can talk to about that. | The absence of collective care, coded as a negative case.
dana | Tokenism | make me feel like a mascot
dana | Pay and compensation | Pay us like we know something.
sam | Peer support; Validation | I can tell them, you'll wait four hours and then they'll send you home
sam | Pay and compensation | My contract says "peer support worker"
sam | Invalidation | So the woman tells me everything
sam | Being doubted | The client had a panic attack in the car park.
sam | Tokenism; Storytelling on demand | Last month they did a Christmas appeal letter
sam | Invalidation | My manager said she thought I'd be pleased.
sam | Storytelling on demand; Agency and control | I said my story is mine and if it's used I want to agree the words
sam | Personal resilience | In four years I'll be a solicitor and they'll have to let me write the case notes.
sam | Burnout | I had two weeks off sick in the summer.
sam | Burnout | The other staff are lovely, but they go home and it's a job.
sam | Storytelling on demand | And ask before you use my face.

# interviews/p13-kai.md
both | Peer support; Mentoring | I'm basically their older brother.
both | Peer support | I can say, I arrived with one bin bag too, and here's where the towels are.
both | Burnout | Hard because sometimes their stuff is my stuff, you know.
both | Mentoring | My supervisor, Joanne, she mentors me.
both | Collective care | If somebody's had a bad shift, someone else takes the next one.
both | Collective care | We send food to each other's houses.
both | Collective care | So we hold each other.
both | Tokenism; Invalidation | "thank you for your powerful testimony"
both | Tokenism | And afterwards they asked if two of us would be in the annual report photos.
both | Pay and compensation | The panel pays in vouchers
both | Community organising | We organised.
both | Shared leadership; Validation | the panel will have two places on the review group with a vote
both | Mentoring | find the kid who's always in the kitchen helping, and say, you could do this job
both | Burnout | I've got friends who burned out in a year.
dana | Housing insecurity | When a new kid arrives with one bin bag
dana | Mentoring | she always starts with "how are you", and waits for the real answer
dana | Collective care; Peer support | we have a group chat that's basically a lifeline
dana | Collective care | None of us could do this alone.
dana | Invalidation | they voted the rules through unchanged
dana | Invalidation | Like being furniture.
dana | Pay and compensation | I can't pay rent with a voucher.
dana | Pay and compensation; Invalidation | But the consultant who wrote their strategy didn't get a voucher.
dana | Community organising; Shared leadership | The five peer advocates and the panel wrote a letter together, everyone signed
dana | Collective care | nobody had to stick their neck out alone
dana | Pay and compensation; Burnout | We need more people, better paid, so we can actually rest.
sam | Housing insecurity | I was a resident there, three years ago.
sam | Burnout | Their parents' texts are my mum's texts.
sam | Mentoring; Collective care | We meet every week
sam | Collective care | We swap. We cover.
sam | Collective care | We were all raised by the system in some way, and the system is not great at holding you.
sam | Invalidation | and then they voted the rules through unchanged
sam | Tokenism | Nice furniture.
sam | Pay and compensation | I'm on twenty hours. Sessional.
sam | Pay and compensation | When we asked for cash, they said it's "to protect your benefits".
sam | Shared leadership; Community organising | Joanne took it to the chief executive with us. Not for us — with us.
sam | Hope | I'd like to run a house one day.
sam | Burnout | being tired is normal in this work, and it shouldn't be

# interviews/p14-marisol.md
both | Peer support; Community organising | with five other women who worked on the same streets
both | Community organising | We started by handing out coffee and bad-date lists from a shopping trolley.
both | Shared leadership | Women who do the work, deciding what the work needs.
both | Shared leadership | I'm the founder, but I have one vote like everyone else.
both | Shared leadership | If we demand that the state listens to us, we have to listen to each other first.
both | Criminalisation | My convictions are from the nineties and they are still on my record.
both | Criminalisation | when they're arrested, they lose their housing, sometimes their children
both | Criminalisation | I have buried too many women the law protected.
both | Community organising | we filled the public hearing with a hundred members, and each one spoke for one minute
both | Being doubted | The police don't believe us when we report violence, because of who we are.
both | Being doubted | They think somebody must be pulling the strings.
both | Storytelling on demand | invited me to a conference to "share my journey"
both | Collective care | nobody visits the hospital alone, nobody goes to court alone, nobody goes to a funeral alone
both | Burnout | Twenty-two years of funerals and court dates.
both | Mentoring | Three young women shadow me at every meeting with officials
dana | Community organising | a campaign for decriminalisation that has members in four cities
dana | Shared leadership | By the members.
dana | Criminalisation | I can't volunteer at my grandson's school.
dana | Community organising | Kitchen tables.
dana | Community organising; Shared leadership | That's our power. Not me. The hundred.
dana | Being doubted | "sure it wasn't a business disagreement"
dana | Invalidation; Storytelling on demand | They took me off the programme.
dana | Validation | Now a younger director there calls me for advice.
dana | Collective care | We cook for each other.
dana | Collective care; Burnout | But I've seen that tiredness shared is lighter.
sam | Shared leadership | Everyone who does or did sex work can be a member and vote at the general meeting.
sam | Criminalisation | I couldn't get a visa to speak at a conference abroad.
sam | Criminalisation; Mistrust | The law says it's protecting them.
sam | Community organising | We sit with women one by one, we listen, we ask what they need. Then we bring them together.
sam | Being doubted | the officer asked her if she was "sure it wasn't a business disagreement"
sam | Agency and control; Community organising | Nobody pulls the strings. We made the strings.
sam | Storytelling on demand; Agency and control | I said, my journey includes your raids.
sam | Collective care | the members ran everything for three months and sent me soup every day
sam | Burnout | Some of our younger organisers are exhausted, and I worry for them.
sam | Collective care; Shared leadership | We take turns being the strong one.
sam | Shared leadership; Mentoring | a movement that depends on one old woman is not a movement

# interviews/p15-grace.md
both | Shared leadership | We're a survivor-led anti-trafficking network.
both | Tokenism | We were the faces of their campaigns, and nobody had asked us what the campaign should say.
both | Tokenism | We were "consulted".
both | Storytelling on demand | Once they asked me to tell my story to a room of corporate sponsors
both | Pay and compensation | I went home on the bus with a voucher for a department store.
both | Shared leadership; Agency and control | we said, we can do this ourselves
both | Shared leadership | There's no director.
both | Shared leadership | we rotate who chairs each quarter
both | Shared leadership | they can change our priorities
both | Storytelling on demand; Pay and compensation | they're paid a speaker's fee, the same as anyone
both | Storytelling on demand | The story belongs to the person.
both | Being doubted | the big charities questioned whether we could manage money
both | Validation | That felt like being seen, finally.
both | Collective care | anyone can say "I need to step back", and somebody else takes their work, no questions
both | Mentoring | Each circle member mentors two or three newer survivors, for a year.
dana | Tokenism | We'd meet twice a year, they'd show us a finished leaflet, and ask if the pictures were okay.
dana | Storytelling on demand | and I did it, and I cried, and then they served canapés
dana | Community organising | That night I rang the other three
dana | Shared leadership | Every decision about money or public statements goes to the circle.
dana | Being doubted | A funder sent an auditor to us after three months, which she had not done to any other new grantee.
dana | Validation | Now the same funder asked us to design her new survivor leadership fund.
dana | Burnout | There was a year when I didn't sleep.
dana | Collective care | We pay for counselling for all seven of us.
dana | Mentoring | Two of the women I mentored now chair committees.
dana | Shared leadership; Tokenism | Share the power, not just the stage.
sam | Peer support | after we met on the advisory group of a big charity and realised we were all having the same experience
sam | Invalidation | and then they served canapés
sam | Shared leadership | We have a circle of seven survivor leaders
sam | Shared leadership; Validation | Last year they told us to stop doing awareness events and start doing job training. So we did.
sam | Storytelling on demand | We have a policy now.
sam | Being doubted | We passed. We always pass.
sam | Validation | Not as a victim. As people who know what we're doing.
sam | Burnout | You hear the stories of the women, and some of them are your story.
sam | Collective care | What changed it was the circle.
sam | Mentoring | Not to make them tell their story better — to make them ready to lead a project
sam | Pay and compensation | We've done enough unpaid work for one lifetime.

# interviews/p16-jolene.md
both | Housing insecurity | I aged out of care myself at eighteen and spent two years sofa-surfing.
both | Personal resilience | I decided I wasn't going to be a statistic.
both | Personal resilience | I got a scholarship, I finished a degree in public administration
both | Validation | I had the lived experience and the spreadsheets.
both | Validation | That's knowledge.
both | Storytelling on demand | every gala wanted my "journey from care to CEO"
both | Tokenism; Pay and compensation | the donations went up and my budget didn't
both | Storytelling on demand; Pay and compensation | If they only want the story, they can pay a speaker's fee into our young people's fund.
both | Being doubted | someone assumed I was there to take notes
both | Invalidation | "Oh, good for you!" Like I'd won a prize. Not a job.
both | Shared leadership | I've seen shared leadership turn into nobody's leadership. | A negative case: shared leadership rejected.
both | Burnout | I don't switch off.
both | Personal resilience | Nobody's going to do it for you.
both | Mentoring | I try to show them how to negotiate a salary, how to read a budget, how to say no to a gala.
dana | Personal resilience | I worked in government for four years to learn how the money moves.
dana | Storytelling on demand; Agency and control | What I don't do any more is perform it.
dana | Storytelling on demand | is the story the point, or is the policy the point?
dana | Validation | Mostly with respect now.
dana | Personal resilience | I'm quite directive.
dana | Pay and compensation | we pay them properly, a real hourly rate
dana | Burnout | When a young person is evicted from one of our houses, I take it personally, because nobody stopped it for me.
dana | Personal resilience; Burnout | I've learned to schedule my own recovery
dana | Personal resilience | You learn to parent yourself.
dana | Mentoring | The things I had to learn by getting them wrong.
dana | Personal resilience; Hope | resilience isn't magic
sam | Agency and control; Personal resilience | I know exactly what happens the day the support stops.
sam | Validation | I think the board had never seen that combination.
sam | Validation | I use it to design things.
sam | Tokenism | I did them. I stopped when I realised
sam | Being doubted | I was the youngest ED in the city network, and Indigenous, and a care leaver.
sam | Shared leadership; Personal resilience | But in the end I'm accountable, and I'd rather make a clear decision and own it.
sam | Burnout | A lot of evenings.
sam | Personal resilience | running, a weekend in the bush every month, a counsellor I found myself
sam | Mentoring | One or two.
sam | Hope | I want every young person to have that luck built into the system
sam | Personal resilience | so they don't have to be exceptional to be okay

# interviews/p17-andre.md
both | Criminalisation | I have two convictions myself.
both | Criminalisation; Shame | I hid my history for years.
both | Criminalisation | I was terrified someone at work would do the search.
both | Validation | My record went from a secret to a qualification overnight.
both | Criminalisation; Shame | People come in with a stack of paper and a lot of shame.
both | Criminalisation | The convictions follow you for decades.
both | Criminalisation | It's the law that keeps doing the harm, long after the night of the arrest.
both | Being doubted | whether I was "allowed" to be on that side of the bar
both | Storytelling on demand | Men who sold sex aren't the story people want.
both | Storytelling on demand; Agency and control | My personal history is context, not content.
both | Personal resilience | I'm quite independent.
both | Personal resilience | I taught myself the case law
both | Burnout | I hadn't had a day off in three months
both | Pay and compensation | I was still on the paralegal salary, doing a manager's job
both | Personal resilience; Pay and compensation | I had to make the case. Nobody offered.
dana | Validation | the director asked me to help design the clinic
dana | Criminalisation; Hope | When a judge clears a record, people cry in the corridor.
dana | Being doubted | Prosecutors — some of them look at me like I'm a client who got lost.
dana | Being doubted | they don't have a box for that
dana | Storytelling on demand | I'll speak about the clinic and the data.
dana | Shared leadership | I know some colleagues in the movement prefer collective decision making
dana | Burnout | Every file is somebody's worst years in a folder.
dana | Personal resilience; Burnout | That's on me. Nobody else is going to notice.
dana | Criminalisation | It's a sentence that keeps running.
dana | Validation | ask us what else needs fixing. We know.
sam | Criminalisation | I'm one of my own clients, in a sense.
sam | Validation | instead of firing me
sam | Criminalisation; Housing insecurity | rent a flat without a background check wrecking it
sam | Being doubted | One asked me, in a corridor
sam | Storytelling on demand | Less than the women in the movement, I think.
sam | Personal resilience | I work best when I'm given a goal and left alone.
sam | Personal resilience; Shared leadership | I'm more of a "get it filed" person.
sam | Burnout | I read them all.
sam | Personal resilience | I took a week and I made myself rules.
sam | Pay and compensation; Validation | Fair, now.
sam | Criminalisation | criminalisation isn't a single moment
`;

const CODERS: Record<string, { id: string; name: string }> = {
  dana: { id: 'dana-reyes', name: 'Dana Reyes' },
  sam: { id: 'sam-okafor', name: 'Sam Okafor' },
};
const CONTEXT_LENGTH = 32;
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // lowercase Crockford base32
const DEMO = join(dirname(fileURLToPath(import.meta.url)), '..', 'demo');

interface PlannedSegment {
  transcript: string;
  coder: string;
  codeNames: string[];
  phrase: string;
  comment?: string;
}

function readPlan(plan: string): PlannedSegment[] {
  const segments: PlannedSegment[] = [];
  let transcript: string | undefined;
  for (const [index, raw] of plan.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('# ')) {
      transcript = line.slice(2).trim();
      continue;
    }
    const [coder, codes, phrase, comment, ...rest] = line.split(' | ').map((part) => part.trim());
    if (transcript === undefined || phrase === undefined || rest.length > 0 || (coder !== 'both' && CODERS[coder] === undefined)) {
      throw new Error(`Plan line ${index}: expected "coder | codes | phrase | comment?" under a "# transcript" line: ${line}`);
    }
    const codeNames = codes.split(';').map((c) => c.trim());
    for (const each of coder === 'both' ? Object.keys(CODERS) : [coder]) {
      segments.push({ transcript, coder: each, codeNames, phrase, ...(comment ? { comment } : {}) });
    }
  }
  return segments;
}

function readCodeIds(): Map<string, string> {
  const folder = join(DEMO, '.grounded', 'codes');
  const ids = new Map<string, string>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
    const code = JSON.parse(readFileSync(join(folder, file), 'utf8')) as { id: string; name: string };
    ids.set(code.name, code.id);
  }
  return ids;
}

/** The transcript as the core sees it: LF line endings, no byte-order mark. */
function readTranscript(path: string): string {
  return readFileSync(join(DEMO, path), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function findOnce(text: string, phrase: string, where: string): number {
  const first = text.indexOf(phrase);
  if (first === -1) throw new Error(`${where}: phrase not found: "${phrase}"`);
  if (text.indexOf(phrase, first + 1) !== -1) throw new Error(`${where}: phrase occurs more than once: "${phrase}"`);
  return first;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Up to CONTEXT_LENGTH code units either side, shortened rather than cutting an emoji in half. */
function contextAround(text: string, start: number, end: number): { prefix: string; suffix: string } {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return { prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
}

/** 60 bits of a hash of what identifies the segment, as 12 base32 characters. */
function segmentId(transcript: string, coderId: string, phrase: string): string {
  const digest = createHash('sha256').update(`${transcript}\n${coderId}\n${phrase}`).digest();
  let bits = digest.readBigUInt64BE(0) >> 4n;
  let id = '';
  for (let i = 0; i < 12; i++, bits >>= 5n) id = ID_ALPHABET[Number(bits & 31n)] + id;
  return `s-${id}`;
}

function toRecord(planned: PlannedSegment, text: string, codeIds: Map<string, string>): Record<string, unknown> {
  const where = `${planned.transcript} (${planned.coder})`;
  const codes = [...new Set(planned.codeNames.map((name) => {
    const id = codeIds.get(name);
    if (id === undefined) throw new Error(`${where}: no code named "${name}"`);
    return id;
  }))].sort();
  const start = findOnce(text, planned.phrase, where);
  const end = start + planned.phrase.length;
  return {
    id: segmentId(planned.transcript, CODERS[planned.coder].id, planned.phrase),
    codes,
    start,
    end,
    exact: text.slice(start, end),
    ...contextAround(text, start, end),
    ...(planned.comment !== undefined ? { comment: planned.comment } : {}),
  };
}

function codingFileText(coder: { id: string; name: string }, records: Record<string, unknown>[]): string {
  const sorted = [...records].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new Error(`Duplicate segment ${String(sorted[i].id)} for ${coder.id}`);
  }
  const header = { format: 'grounded-coding', version: 1, coder: { id: coder.id, name: coder.name } };
  return [header, ...sorted].map((line) => JSON.stringify(line)).join('\n') + '\n';
}

function main(): void {
  const codeIds = readCodeIds();
  const byFile = new Map<string, { coder: string; transcript: string; records: Record<string, unknown>[] }>();
  const texts = new Map<string, string>();
  for (const planned of readPlan(PLAN)) {
    if (!texts.has(planned.transcript)) texts.set(planned.transcript, readTranscript(planned.transcript));
    const key = `${planned.transcript}\n${planned.coder}`;
    const entry = byFile.get(key) ?? { coder: planned.coder, transcript: planned.transcript, records: [] };
    entry.records.push(toRecord(planned, texts.get(planned.transcript) ?? '', codeIds));
    byFile.set(key, entry);
  }
  const codingRoot = join(DEMO, '.grounded', 'coding');
  rmSync(codingRoot, { recursive: true, force: true });
  for (const { coder, transcript, records } of byFile.values()) {
    const folder = join(codingRoot, ...transcript.split('/'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${CODERS[coder].id}.jsonl`), codingFileText(CODERS[coder], records));
    console.log(`${transcript} ${CODERS[coder].id}: ${records.length} segments`);
  }
  writeRelations(codeIds);
}

/**
 * Theoretical relations between the demo's categories: `source | type | target | optional note`,
 * codes by name. Written into the source codes' files (their other fields are kept as they are).
 */
const RELATIONS = `
Fear of authorities | leads-to | Mistrust | "services" sounds like "police" and "immigration"
Being doubted | leads-to | Mistrust
Trusted professionals | contradicts | Mistrust | being waited for, not questioned, undoes the expectation
Bureaucracy | condition-of | Storytelling on demand | every new form and worker asks for the whole story again
Storytelling on demand | leads-to | Burnout
Peer support | leads-to | Hope
Peer support | condition-of | Shared leadership
Mentoring | condition-of | Shared leadership
Tokenism | contradicts | Shared leadership | a seat at the table without a say
Pay and compensation | part-of | Validation
Validation | leads-to | Work and self-worth
`;

function writeRelations(codeIds: Map<string, string>): void {
  const bySource = new Map<string, { type: string; target: string; note?: string }[]>();
  for (const line of RELATIONS.trim().split('\n')) {
    const [source, type, target, note] = line.split(' | ').map((part) => part.trim());
    const from = codeIds.get(source);
    const to = codeIds.get(target);
    if (!from || !to) throw new Error(`relation "${line}": no code named "${from ? target : source}"`);
    bySource.set(from, [...(bySource.get(from) ?? []), { type, target: to, ...(note ? { note } : {}) }]);
  }
  for (const id of codeIds.values()) {
    const path = codeFilePath(id);
    const read = parseCodeFile(path, readFileSync(join(DEMO, path), 'utf8'));
    if (!read.ok) throw new Error(`${path} does not read as a code file`);
    const relations = bySource.get(id);
    const { relations: _old, ...code } = read.value;
    writeFileSync(join(DEMO, path), serializeCodeFile(relations ? { ...code, relations } : code));
  }
  console.log(`${[...bySource.values()].flat().length} relations between codes`);
}

main();
