import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, sanitize } from "../../../app/privacy";
import { mainScript } from "../../../app/privacy/names/foreignScript";

const texts = (text: string) => detect(text, new PrivacyVault("t")).map((d) => d.text);

describe("names in another script than the text's own", () => {
  it("finds a short run of a non-Latin script inside Latin-script text", () => {
    expect(texts('Do you think I can marry the actor "曾舜晞"?')).toEqual(["曾舜晞"]);
    expect(texts("Please translate the letter for Дмитрий Волков into English.")).toEqual(["Дмитрий Волков"]);
    expect(texts("Send it to Γιώργος and to שרה before noon.")).toEqual(["Γιώργος", "שרה"]);
    expect(texts('<img alt="كريبتو تاسكي" src="hero.png">')).toEqual(["كريبتو تاسكي"]);
  });

  it("does not take a whole text in that script for names", () => {
    expect(mainScript("Привет, как дела? Я хочу поехать в отпуск летом.")).toBe("Cyrillic");
    expect(texts("Привет, как дела? Я хочу поехать в отпуск летом.")).toEqual([]);
    expect(texts("今天天气很好，我们去公园散步吧。")).toEqual([]);
  });

  it("does not take a long passage in another script for a name", () => {
    const passage = "Please translate: 在过去的三年里我一直在学习如何写出更好的文章并且每天练习。";
    expect(texts(passage)).toEqual([]);
  });

  it("in a text in that script, finds quoted names and institutions by their institution word", () => {
    expect(texts("我在“艺传新闻小助手”公众号工作。")).toEqual(["艺传新闻小助手"]);
    expect(texts("在哈尔滨工程大学就读本科期间，我的绩点排名前列。")).toEqual(["哈尔滨工程大学"]);
  });

  it("keeps the name out of what leaves and restores it", () => {
    const vault = new PrivacyVault("t");
    const { text } = sanitize("Write a birthday card for 王小明, my colleague.", vault);
    expect(text).not.toContain("王小明");
    expect(text).toContain("birthday card");
  });

  it("in a Chinese text, finds a Latin-script name but not English words", () => {
    expect(texts("帮我发封英文邮件给koushik，说会议改到明天")).toEqual(["koushik"]);
    expect(texts("请把这段话翻译成英文：meeting tomorrow")).toEqual([]);
  });
});
